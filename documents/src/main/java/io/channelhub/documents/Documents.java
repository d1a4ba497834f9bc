package io.channelhub.documents;

import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.migration.event.MigratedOrder;
import io.channelhub.migration.event.MigrationCompleted;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidInvoiceLine;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.reseller.event.OrderLine;
import io.channelhub.reseller.event.ResellerOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The five documents a reseller's accountant receives, each as a {@link Document} built from the event that issued
 * it and what billing {@link Assigned} to it: the monthly invoice (B4), its credit note (B4), the migration month's
 * prepaid invoice (B7), a reseller order's invoice (R1, R2, R5, R6) and the migration credit statement (B6).
 */
public final class Documents {

    static final String WIRE_ONLY = "Payment by wire transfer only; card payments are not accepted.";

    private Documents() {
    }

    /** B4: the month's subscriptions, each line in words, its discount as a line of its own, credits, total due. */
    public static Document monthlyInvoice(InvoiceIssued invoice, Issuer issuer, Assigned assigned) {
        YearMonth month = YearMonth.parse(invoice.getMonth());
        List<Document.Line> lines = new ArrayList<>();
        for (InvoiceLine line : invoice.getLines()) {
            lines.add(charged(line, assigned, false));
            if (AvroMoney.fromAvro(line.getDiscount()).rounded().amount().signum() != 0) {
                lines.add(new Document.Line("", "Discount " + percent(line.getDiscountPercent()) + " on line "
                        + line.getNumber(), "agreed by the ISV for this customer", null, null,
                        Amounts.negated(line.getDiscount())));
            }
        }
        List<Document.Total> totals = new ArrayList<>(List.of(
                new Document.Total("Subtotal", Amounts.of(invoice.getSubtotal()), false),
                new Document.Total("Discounts", Amounts.negated(invoice.getDiscounts()), false)));
        if (AvroMoney.fromAvro(invoice.getCreditsApplied()).rounded().amount().signum() != 0) {
            totals.add(new Document.Total("Migration credit applied", Amounts.negated(invoice.getCreditsApplied()),
                    false));
        }
        totals.add(new Document.Total("Total due", Amounts.of(invoice.getTotalDue()), true));
        List<String> notes = new ArrayList<>();
        notes.add("Quantities are seat-days: one seat held for one day. Unit prices are per user per month; a line's"
                + " amount is unit price x seat-days / " + month.lengthOfMonth() + " (the days of " + month
                + "), rounded to the cent. A full month of 10 seats is 10 x " + month.lengthOfMonth()
                + " seat-days and costs 10 x the unit price.");
        if (!invoice.getLines().isEmpty()) {
            notes.add("No sales tax is charged on subscription invoices.");
        }
        return new Document("Invoice", assigned.number(), invoice.getCurrency(), issuer.party(),
                billTo(invoice.getPayerName(), invoice.getPayerId(), assigned), null,
                List.of(new Document.Fact("Issue date", assigned.issuedOn().toString()),
                        new Document.Fact("Service period", month.atDay(1) + " to " + month.atEndOfMonth()),
                        new Document.Fact("Payment terms", assigned.termsDays() + " days"),
                        new Document.Fact("Due date", assigned.dueOn().toString()),
                        new Document.Fact("Invoice id", invoice.getInvoiceId())),
                lines, totals, payment(issuer, invoice.getTotalDue(), assigned), notes);
    }

    /** B4: the credited lines, negated, against the invoice they correct; nothing to pay. */
    public static Document creditNote(CreditNoteIssued note, String payerName, Issuer issuer, Assigned assigned) {
        List<Document.Line> lines = new ArrayList<>();
        for (InvoiceLine line : note.getLines()) {
            lines.add(charged(line, assigned, true));
        }
        return new Document("Credit note", assigned.number(), note.getCurrency(), issuer.party(),
                billTo(payerName, note.getPayerId(), assigned), null,
                List.of(new Document.Fact("Issue date", assigned.issuedOn().toString()),
                        new Document.Fact("Credits invoice", assigned.name("invoice", note.getInvoiceId())
                                + " (service month " + note.getMonth() + ")"),
                        new Document.Fact("Reason", note.getReason()),
                        new Document.Fact("Credit note id", note.getCreditNoteId())),
                lines, List.of(new Document.Total("Total credited", Amounts.of(note.getTotal()), true)), null,
                List.of("Each line repeats the invoice line it corrects with its amount negated; the credit is set"
                        + " against what you owe us and is not paid out."));
    }

    /** B7: the migration month's invoice for the prepaid orders placed before opting in to postpaid billing. */
    public static Document prepaidInvoice(PrepaidInvoiceIssued invoice, Issuer issuer, Assigned assigned) {
        List<Document.Line> lines = new ArrayList<>();
        int number = 1;
        for (PrepaidInvoiceLine line : invoice.getLines()) {
            lines.add(new Document.Line(String.valueOf(number++), assigned.name("sku", line.getSku())
                    + ": prepaid annual licences", "order " + line.getOrderId(), line.getSeats() + " seats", null,
                    Amounts.of(line.getAmount())));
        }
        YearMonth month = YearMonth.parse(invoice.getMonth());
        String payer = invoice.getResellerName() != null ? invoice.getResellerName() : invoice.getResellerId();
        return new Document("Invoice", assigned.number(), invoice.getTotal().getCurrency(), issuer.party(),
                billTo(payer, invoice.getResellerId(), assigned), null,
                List.of(new Document.Fact("Issue date", assigned.issuedOn().toString()),
                        new Document.Fact("Orders placed", month.atDay(1) + " to " + month.atEndOfMonth()
                                + ", before the move to postpaid billing"),
                        new Document.Fact("Payment terms", assigned.termsDays() + " days"),
                        new Document.Fact("Due date", assigned.dueOn().toString()),
                        new Document.Fact("Invoice id", invoice.getInvoiceId())),
                lines, List.of(new Document.Total("Total due", Amounts.of(invoice.getTotal()), true)),
                payment(issuer, invoice.getTotal(), assigned),
                List.of("This is the prepaid invoice of the month you moved to postpaid billing; your postpaid"
                        + " invoice for the month follows separately and shows the migration credit."));
    }

    /** R2: bill-to the reseller, ship-to the customer; R1 discount, R6 sales tax as lines of their own; R5 due. */
    public static Document orderInvoice(ResellerOrder order, Issuer issuer, Assigned assigned) {
        List<Document.Line> lines = new ArrayList<>();
        int number = 1;
        for (OrderLine line : order.getLines()) {
            lines.add(new Document.Line(String.valueOf(number++), assigned.name("sku", line.getSku())
                    + ": licences at retail price", "for " + order.getCustomerName() + ", order " + order.getOrderId(),
                    line.getQuantity() + (line.getQuantity() == 1 ? " licence" : " licences"),
                    Amounts.text(line.getUnitPrice()), line.getAmount() == null ? null : Amounts.of(line.getAmount())));
        }
        String tax = order.getTaxExemptionCertificate() != null
                ? "Sales tax: exempt, certificate " + order.getTaxExemptionCertificate() + " on file"
                : "Sales tax " + percent(order.getTaxPercent()) + " (your location)";
        LocalDate placed = order.getPlacedAt().atZone(ZoneOffset.UTC).toLocalDate();
        Assigned dueByOrder = new Assigned(assigned.number(), assigned.issuedOn(),
                (int) ChronoUnit.DAYS.between(placed, order.getDueOn()), order.getDueOn(), assigned.billToAddress(),
                assigned.names());
        Document.Party shipTo = new Document.Party(order.getCustomerName(), order.getCustomerEmail(), List.of());
        return new Document("Invoice", assigned.number(), order.getCurrency(), issuer.party(),
                billTo(order.getResellerName(), order.getResellerId(), assigned), shipTo,
                List.of(new Document.Fact("Issue date", assigned.issuedOn().toString()),
                        new Document.Fact("Order date", placed.toString()),
                        new Document.Fact("Due date", order.getDueOn() + " (30 days after the order date)"),
                        new Document.Fact("Order id", order.getOrderId())),
                lines, List.of(new Document.Total("Subtotal at retail", Amounts.of(order.getSubtotal()), false),
                        new Document.Total("Reseller discount " + percent(order.getDiscountPercent()),
                                Amounts.negated(order.getDiscount()), false),
                        new Document.Total("Net", Amounts.of(order.getNet()), false),
                        new Document.Total(tax, Amounts.of(order.getTax()), false),
                        new Document.Total("Total due", Amounts.of(order.getTotal()), true)),
                payment(issuer, order.getTotal(), dueByOrder),
                List.of("An order unpaid after its due date accrues interest and puts new orders on prepayment"
                        + " until the overdue balance is cleared."));
    }

    /** B6: each migrated prepaid order and the credit its unused days earned; a statement, nothing to pay. */
    public static Document creditStatement(MigrationCompleted migration, Issuer issuer, Assigned assigned) {
        List<Document.Line> lines = new ArrayList<>();
        int number = 1;
        for (MigratedOrder order : migration.getOrders()) {
            lines.add(new Document.Line(String.valueOf(number++), assigned.name("sku", order.getSku()) + ": "
                    + outcome(order), "order " + order.getOrderId() + ", customer "
                    + assigned.name("account", order.getBillingAccountId()) + ", renews " + order.getRenewalDate(),
                    order.getUnusedDays() + " of " + order.getTermDays() + " days unused",
                    Amounts.text(order.getAmountPaid()) + " paid", Amounts.of(order.getCredit())));
        }
        return new Document("Migration credit statement", assigned.number(), migration.getTotalCredit().getCurrency(),
                issuer.party(), billTo(migration.getResellerName(), migration.getResellerId(), assigned), null,
                List.of(new Document.Fact("Issue date", assigned.issuedOn().toString()),
                        new Document.Fact("Migrated to postpaid on", migration.getMigratedAt()
                                .atZone(ZoneOffset.UTC).toLocalDate().toString())),
                lines, List.of(new Document.Total("Migration credit earned", Amounts.of(migration.getTotalCredit()),
                        true)), null,
                List.of("Each order's credit is the amount paid x unused days / days of its prepaid term, rounded to"
                        + " the cent.", "The credit is used only against postpaid charges of customers you sign up"
                        + " online after migrating; never against offline customers, Postini, Chromebook or other"
                        + " order types, and it is never paid out as cash."));
    }

    private static Document.Line charged(InvoiceLine line, Assigned assigned, boolean credit) {
        int days = (int) ChronoUnit.DAYS.between(line.getFirstDay(), line.getLastDay()) + 1;
        String quantity = line.getSeatDays() % days == 0
                ? line.getSeatDays() / days + " seats x " + days + " days = " + line.getSeatDays() + " seat-days"
                : line.getSeatDays() + " seat-days over " + days + " days";
        String detail = "customer " + assigned.name("account", line.getBillingAccountId()) + " (account "
                + line.getBillingAccountId() + "), subscription " + line.getSubscriptionId() + ", "
                + line.getFirstDay() + " to " + line.getLastDay();
        String what = assigned.name("sku", line.getSku()) + ": " + plan(line.getCharge(), line.getInstalment());
        return credit
                ? new Document.Line(String.valueOf(line.getNumber()), "Credit for " + what
                        + (line.getDiscountPercent().signum() == 0 ? "" : ", net of its "
                        + percent(line.getDiscountPercent()) + " discount"), detail, quantity,
                        Amounts.text(line.getUnitPrice()) + " per user-month", Amounts.of(line.getNet()))
                : new Document.Line(String.valueOf(line.getNumber()), what, detail, quantity,
                        Amounts.text(line.getUnitPrice()) + " per user-month", Amounts.of(line.getGross()));
    }

    /** B1: the plan in words, with the instalment of the 12 when billing could say which one it is (D-110). */
    private static String plan(String charge, Integer instalment) {
        String of12 = instalment == null ? null : "instalment " + instalment + " of 12";
        return switch (charge) {
            case "ANNUAL_INSTALMENT" -> of12 == null ? "Annual plan, monthly instalment of the 12-month commitment"
                    : "Annual plan, " + of12 + " of the 12-month commitment";
            case "ANNUAL_SEATS_ADDED" -> "Annual plan, seats added during the month, pro rata"
                    + (of12 == null ? "" : ", billed with " + of12);
            case "FLEXIBLE_USAGE" -> "Flexible plan, seats used, pro rata per day";
            default -> charge.toLowerCase().replace('_', ' ');
        };
    }

    private static String outcome(MigratedOrder order) {
        return switch (order.getOutcome()) {
            case "ANNUAL" -> "prepaid order, now on the Annual plan";
            case "TRIAL_KEPT" -> "trial, kept as a trial";
            case "FINAL_TRIAL" -> "prepaid order, now a final 30-day trial until " + order.getTrialEndsOn();
            default -> order.getOutcome().toLowerCase().replace('_', ' ');
        };
    }

    private static Document.Party billTo(String name, String id, Assigned assigned) {
        return new Document.Party(name, "Account " + id, assigned.billToAddress());
    }

    /** R3: what is owed, to whom, by when and with which reference; nothing when nothing is owed. */
    private static Document.Payment payment(Issuer issuer, io.channelhub.common.event.Money due, Assigned assigned) {
        if (AvroMoney.fromAvro(due).rounded().amount().signum() <= 0) {
            return null;
        }
        return new Document.Payment(WIRE_ONLY, issuer.name(), issuer.bank(), issuer.iban(), issuer.bic(),
                Amounts.of(due), assigned.dueOn(), assigned.number());
    }

    private static String percent(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString() + "%";
    }
}
