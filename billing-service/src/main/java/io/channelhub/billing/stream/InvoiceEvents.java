package io.channelhub.billing.stream;

import io.channelhub.billing.domain.invoice.CreditNote;
import io.channelhub.billing.domain.invoice.Invoice;
import io.channelhub.billing.domain.migration.PrepaidInvoice;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.CreditNoteRequested;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.billing.event.IsvInvoiceLines;
import io.channelhub.common.event.EventMeta;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidInvoiceLine;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.DiscountTerm;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.Payout;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An issued {@link Invoice} as the events others read: the invoice itself, and its lines by ISV. */
final class InvoiceEvents {

    private InvoiceEvents() {
    }

    static InvoiceIssued issued(Invoice invoice, String payerName, String payerEmail) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (var line : invoice.lines()) {
            var charge = line.charge();
            var payout = line.payout();
            lines.add(InvoiceLine.newBuilder()
                    .setNumber(line.number())
                    .setSubscriptionId(charge.subscriptionId())
                    .setBillingAccountId(charge.purchase().billingAccountId())
                    .setIsvId(charge.isvId())
                    .setSku(charge.sku())
                    .setCharge(charge.kind().name())
                    .setFirstDay(charge.firstDay())
                    .setLastDay(charge.lastDay())
                    .setSeatDays(charge.seatDays())
                    .setUnitPrice(AvroMoney.toAvro(charge.unitPrice()))
                    .setGross(AvroMoney.toAvro(payout.gross()))
                    .setDiscountPercent(line.discountPercent().setScale(2, RoundingMode.UNNECESSARY))
                    .setDiscountId(line.discountDecision().discount().map(DiscountTerm::discountId).orElse(null))
                    .setDiscountRule(line.discountDecision().rule().name())
                    .setDiscount(AvroMoney.toAvro(payout.discount()))
                    .setNet(AvroMoney.toAvro(payout.net()))
                    .setRevenueShare(AvroMoney.toAvro(payout.revenueShare()))
                    .setIsvPayout(AvroMoney.toAvro(payout.isvPayout()))
                    .build());
        }
        return InvoiceIssued.newBuilder()
                .setMeta(meta(invoice.id(), "InvoiceIssued", invoice.issuedAt()))
                .setInvoiceId(invoice.id())
                .setPayerId(invoice.payerId())
                .setPayerName(payerName)
                .setPayerEmail(payerEmail)
                .setMonth(invoice.month().toString())
                .setIssuedAt(invoice.issuedAt())
                .setCurrency(invoice.subtotal().currency().getCurrencyCode())
                .setLines(lines)
                .setSubtotal(AvroMoney.toAvro(invoice.subtotal()))
                .setDiscounts(AvroMoney.toAvro(invoice.discounts()))
                .setCreditsApplied(AvroMoney.toAvro(invoice.creditsApplied()))
                .setTotalDue(AvroMoney.toAvro(invoice.totalDue()))
                .build();
    }

    /** B7: the migration month's prepaid invoice; its id derives from reseller and month, whichever tick issued it. */
    static PrepaidInvoiceIssued prepaid(PrepaidInvoice invoice, Instant at, String resellerName,
            String resellerEmail) {
        String id = EventIds.derive(invoice.resellerId() + "|" + invoice.month(), "PrepaidInvoice", 0);
        return new PrepaidInvoiceIssued(meta(id, "PrepaidInvoiceIssued", at), id, invoice.resellerId(),
                invoice.month().toString(), invoice.lines().stream().map(l -> new PrepaidInvoiceLine(l.orderId(),
                        l.sku(), l.seats(), AvroMoney.toAvro(l.amount()))).toList(),
                AvroMoney.toAvro(invoice.total()), resellerName, resellerEmail);
    }

    /** The invoice's lines of each ISV, for its payout statement. */
    static List<IsvInvoiceLines> byIsv(InvoiceIssued invoice) {
        return byIsv(invoice.getMeta(), invoice.getInvoiceId(), invoice.getPayerId(), invoice.getMonth(),
                invoice.getCurrency(), invoice.getLines());
    }

    /** The credit note's (negative) lines of each ISV: its statement nets them off. */
    static List<IsvInvoiceLines> byIsv(CreditNoteIssued note) {
        return byIsv(note.getMeta(), note.getCreditNoteId(), note.getPayerId(), note.getMonth(), note.getCurrency(),
                note.getLines());
    }

    private static List<IsvInvoiceLines> byIsv(EventMeta cause, String documentId, String payerId, String month,
            String currency, List<InvoiceLine> documentLines) {
        Map<String, List<InvoiceLine>> byIsv = new LinkedHashMap<>();
        documentLines.forEach(line -> byIsv.computeIfAbsent(line.getIsvId(), isv -> new ArrayList<>()).add(line));
        List<IsvInvoiceLines> all = new ArrayList<>();
        byIsv.forEach((isv, lines) -> all.add(new IsvInvoiceLines(
                EventIds.causedBy(cause, "IsvInvoiceLines|" + isv, 0, BillingTopology.SERVICE), isv, documentId,
                payerId, month, currency, lines)));
        return all;
    }

    /**
     * B4: the credited lines with every amount negated, checked by the domain's {@link CreditNote} (negative
     * lines, total = Σ net).
     */
    static CreditNoteIssued creditNote(String id, InvoiceIssued invoice, List<InvoiceLine> lines,
            CreditNoteRequested request) {
        List<InvoiceLine> negated = new ArrayList<>();
        List<CreditNote.Line> checked = new ArrayList<>();
        for (InvoiceLine line : lines) {
            InvoiceLine credit = InvoiceLine.newBuilder(line)
                    .setGross(negate(line.getGross())).setDiscount(negate(line.getDiscount()))
                    .setNet(negate(line.getNet())).setRevenueShare(negate(line.getRevenueShare()))
                    .setIsvPayout(negate(line.getIsvPayout())).build();
            negated.add(credit);
            checked.add(new CreditNote.Line(line.getNumber(), line.getSubscriptionId(), line.getIsvId(), new Payout(
                    AvroMoney.fromAvro(credit.getGross()), AvroMoney.fromAvro(credit.getDiscount()),
                    AvroMoney.fromAvro(credit.getNet()), AvroMoney.fromAvro(credit.getRevenueShare()),
                    AvroMoney.fromAvro(credit.getIsvPayout()))));
        }
        Money total = checked.stream().map(l -> l.payout().net()).reduce(Money::plus).orElseThrow();
        new CreditNote(id, invoice.getInvoiceId(), invoice.getPayerId(), java.time.YearMonth.parse(
                invoice.getMonth()), request.getMeta().getOccurredAt(), request.getReason(), checked, total);
        return CreditNoteIssued.newBuilder()
                .setMeta(meta(id, "CreditNoteIssued", request.getMeta().getOccurredAt()))
                .setCreditNoteId(id).setInvoiceId(invoice.getInvoiceId()).setPayerId(invoice.getPayerId())
                .setMonth(invoice.getMonth()).setIssuedAt(request.getMeta().getOccurredAt())
                .setCurrency(invoice.getCurrency()).setReason(request.getReason()).setLines(negated)
                .setTotal(AvroMoney.toAvro(total)).build();
    }

    private static io.channelhub.common.event.Money negate(io.channelhub.common.event.Money money) {
        return AvroMoney.toAvro(AvroMoney.fromAvro(money).negated());
    }

    /** Ids derive from the document, whichever tick issued it. */
    static EventMeta meta(String documentId, String kind, Instant at) {
        return EventMeta.newBuilder().setEventId(EventIds.derive(documentId, kind, 0)).setCorrelationId(documentId)
                .setOccurredAt(at).setProducer(BillingTopology.SERVICE).build();
    }
}
