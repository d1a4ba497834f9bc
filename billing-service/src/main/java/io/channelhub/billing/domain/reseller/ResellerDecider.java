package io.channelhub.billing.domain.reseller;

import static io.channelhub.billing.domain.reseller.RefusalReason.*;

import io.channelhub.billing.domain.reseller.ResellerCommand.*;
import io.channelhub.billing.domain.reseller.ResellerDecision.Accepted;
import io.channelhub.billing.domain.reseller.ResellerDecision.Refused;
import io.channelhub.billing.domain.reseller.ResellerOutcome.*;
import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Decides reseller commands (R1–R7): accepted with the new state and its outcomes, or refused, nothing changed. */
public final class ResellerDecider {

    private ResellerDecider() {
    }

    /**
     * @param state    the reseller, or null before it registered
     * @param taxRates R6 reference data, as of {@code now}
     * @param now      the command's instant (event time, never the wall clock); its UTC date is the business day
     */
    public static ResellerDecision decide(ResellerCommand command, ResellerAccount state, ResellerSettings settings,
                                          SalesTaxRates taxRates, Instant now) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(taxRates, "taxRates");
        Objects.requireNonNull(now, "now");
        if (command instanceof Register register) {
            return state == null ? register(register, settings, now)
                    : refused(ALREADY_REGISTERED, "reseller " + state.resellerId() + " is already registered");
        }
        if (state == null) {
            return refused(NOT_REGISTERED, "no reseller registered");
        }
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        if (command instanceof SetDiscount set) {
            return ResellerSettings.validPercent(set.percent())
                    ? accepted(state.withDiscount(set.percent()), new DiscountSet(set.percent()))
                    : refused(INVALID_PERCENT, "a discount is from 0 to below 100 percent: " + set.percent());
        }
        if (command instanceof FileExemptionCertificate file) {
            return fileCertificate(file, state, today);
        }
        if (command instanceof PlaceOrder place) {
            return placeOrder(place, state, settings, taxRates, now);
        }
        if (command instanceof RequestTemporaryLicence request) {
            return temporaryLicence(request.orderId(), state, settings, now);
        }
        if (command instanceof RecordPayment payment) {
            return recordPayment(payment, state, settings, now);
        }
        MonthStarted month = (MonthStarted) command; // the last of the sealed interface
        return month.month() == null ? refused(MISSING_FIELD, "the month is required")
                : monthStarted(state, month.month().atDay(1), settings);
    }

    private static ResellerDecision register(Register r, ResellerSettings settings, Instant now) {
        if (blank(r.resellerId()) || blank(r.name()) || blank(r.email()) || blank(r.country())
                || r.businessType() == null) {
            return refused(MISSING_FIELD, "reseller id, name, e-mail, country and business type are required");
        }
        if (!r.businessType().eligible()) {
            return refused(NOT_ELIGIBLE, "a " + r.businessType() + " does not resell software (R1)");
        }
        String country = r.country().strip().toUpperCase(Locale.ROOT);
        boolean us = SalesTax.US.equals(country);
        if (us == blank(r.usState())) {
            return refused(us ? MISSING_FIELD : INVALID_FIELD,
                    us ? "a US reseller needs its state (R6)" : "a US state for a reseller in " + country);
        }
        ResellerAccount account = new ResellerAccount(r.resellerId(), r.name(), r.email(), country,
                us ? r.usState().strip().toUpperCase(Locale.ROOT) : null, r.businessType(),
                settings.defaultDiscountPercent(), null, List.of(), false,
                YearMonth.from(now.atOffset(ZoneOffset.UTC)));
        return accepted(account, new Registered(r.resellerId(), account.discountPercent()));
    }

    private static ResellerDecision fileCertificate(FileExemptionCertificate file, ResellerAccount state,
                                                    LocalDate today) {
        if (blank(file.certificateId()) || file.expiresOn() == null) {
            return refused(MISSING_FIELD, "certificate id and expiry are required");
        }
        if (!state.isUs()) {
            return refused(NOT_US_RESELLER, "no US sales tax to be exempt from in " + state.country());
        }
        ExemptionCertificate certificate = new ExemptionCertificate(file.certificateId(), file.expiresOn());
        if (!certificate.validOn(today)) {
            return refused(CERTIFICATE_EXPIRED, "certificate " + file.certificateId() + " expired on "
                    + file.expiresOn());
        }
        return accepted(state.withCertificate(certificate), new ExemptionCertificateFiled(certificate));
    }

    private static ResellerDecision placeOrder(PlaceOrder place, ResellerAccount state, ResellerSettings settings,
                                               SalesTaxRates taxRates, Instant now) {
        if (blank(place.orderId()) || blank(place.customerName()) || blank(place.customerEmail())) {
            return refused(MISSING_FIELD, "order id, customer name and customer e-mail are required (R2)");
        }
        if (!place.customerEmail().contains("@")) {
            return refused(INVALID_FIELD, "not an e-mail address: " + place.customerEmail());
        }
        if (state.order(place.orderId()).isPresent()) {
            return refused(DUPLICATE_ORDER, "order " + place.orderId() + " was already placed");
        }
        if (place.lines().isEmpty()) {
            return refused(MISSING_FIELD, "an order needs a line");
        }
        for (OrderLine line : place.lines()) {
            if (blank(line.sku()) || line.retailUnitPrice() == null) {
                return refused(MISSING_FIELD, "every line needs a SKU and a retail unit price");
            }
            if (line.quantity() <= 0 || line.retailUnitPrice().isNegative()) {
                return refused(NOT_POSITIVE, line.sku() + ": quantity must be positive and the price not negative");
            }
        }
        Currency currency = state.currency().orElse(place.lines().get(0).retailUnitPrice().currency());
        if (place.lines().stream().anyMatch(l -> !l.retailUnitPrice().currency().equals(currency))) {
            return refused(CURRENCY_MISMATCH, "every line must be in " + currency);
        }
        LocalDate orderDate = now.atOffset(ZoneOffset.UTC).toLocalDate();
        BigDecimal taxPercent;
        try {
            taxPercent = SalesTax.percent(state.country(), state.usState(), state.exemptionCertificate(), orderDate,
                    taxRates); // R6: at order time
        } catch (IllegalArgumentException e) {
            return refused(TAX_RATE_UNKNOWN, e.getMessage());
        }
        OrderPricing pricing = OrderPricing.price(place.lines(), state.discountPercent(), taxPercent);

        List<ResellerOutcome> outcomes = new ArrayList<>();
        ResellerAccount next = state;
        List<String> overdue = state.overdueOrders(orderDate).stream().map(ResellerOrder::id).toList();
        if (!state.onPrepay() && !overdue.isEmpty()) { // R5: not only at the statement, or credit would run on
            next = next.withPrepay(true);
            outcomes.add(new PrepayStarted(overdue));
        }
        Placement placement = !state.established() ? Placement.HELD_NEW_RESELLER
                : next.onPrepay() ? Placement.HELD_PREPAY : Placement.RELEASED_ON_CREDIT;
        ResellerOrder order = ResellerOrder.place(place.orderId(), now,
                new EndCustomer(place.customerName().strip(), place.customerEmail().strip()), pricing,
                orderDate.plusDays(settings.paymentTermDays()), placement != Placement.RELEASED_ON_CREDIT);
        outcomes.add(new OrderPlaced(order, placement));
        if (placement == Placement.RELEASED_ON_CREDIT) {
            outcomes.add(released(order));
        }
        return new Accepted(next.withOrder(order), outcomes);
    }

    private static ResellerDecision temporaryLicence(String orderId, ResellerAccount state, ResellerSettings settings,
                                                     Instant now) {
        ResellerOrder order = state.order(orderId).orElse(null);
        if (order == null) {
            return refused(UNKNOWN_ORDER, "no order " + orderId);
        }
        if (order.status() != OrderStatus.HELD_UNTIL_PAID) {
            return refused(NOT_HELD, "order " + orderId + " is " + order.status() + ": its licences are released");
        }
        if (order.temporaryLicence() != null) {
            return refused(TEMPORARY_LICENCE_ALREADY_ISSUED, "order " + orderId + " has a temporary licence until "
                    + order.temporaryLicence().expiresAt());
        }
        TemporaryLicence licence = TemporaryLicence.issue(orderId, now, settings.temporaryLicenceDays());
        return accepted(state.withOrder(order.withTemporaryLicence(licence)),
                new TemporaryLicenceIssued(orderId, licence));
    }

    private static ResellerDecision recordPayment(RecordPayment payment, ResellerAccount state,
                                                  ResellerSettings settings, Instant now) {
        if (payment.method() == PaymentMethod.CARD) {
            return refused(CARD_NOT_ACCEPTED, "reseller orders are paid by wire transfer only (R3)");
        }
        if (blank(payment.orderId()) || payment.method() == null || payment.amount() == null) {
            return refused(MISSING_FIELD, "order id, method and amount are required");
        }
        ResellerOrder order = state.order(payment.orderId()).orElse(null);
        if (order == null) {
            return refused(UNKNOWN_ORDER, "no order " + payment.orderId());
        }
        if (order.status() == OrderStatus.PAID) {
            return refused(ALREADY_PAID, "order " + order.id() + " was paid at " + order.paidAt());
        }
        if (!payment.amount().currency().equals(order.pricing().currency())) {
            return refused(CURRENCY_MISMATCH, "order " + order.id() + " is in " + order.pricing().currency());
        }
        LocalDate today = now.atOffset(ZoneOffset.UTC).toLocalDate();
        Money interest = order.interestOn(today, settings.annualInterestPercent()); // R5: at payment
        Money due = order.total().plus(interest);
        if (payment.amount().compareTo(due) < 0) {
            return refused(AMOUNT_SHORT, payment.amount() + " does not cover " + due + ": total " + order.total()
                    + " + interest " + interest + " for " + order.daysOverdue(today) + " days overdue");
        }
        ResellerOrder paid = order.paid(new Payment(now, payment.method(), payment.amount()), interest);
        List<ResellerOutcome> outcomes = new ArrayList<>();
        outcomes.add(new PaymentRecorded(order.id(), payment.amount(), interest, payment.amount().minus(due)));
        if (order.status() == OrderStatus.HELD_UNTIL_PAID) {
            outcomes.add(released(paid)); // R4: paid, so released
        }
        ResellerAccount next = state.withOrder(paid);
        if (next.onPrepay() && next.overdueOrders(today).isEmpty()) { // R5: overdue balance cleared
            next = next.withPrepay(false);
            outcomes.add(new PrepayEnded());
        }
        return new Accepted(next, outcomes);
    }

    private static ResellerDecision monthStarted(ResellerAccount account, LocalDate date, ResellerSettings settings) {
        ResellerAccount state = account.inMonth(YearMonth.from(date));
        // New resellers have nothing on credit (R4), and a statement of nothing unpaid says nothing.
        if (!state.established() || state.unpaidOrders().isEmpty()) {
            return new Accepted(state, List.of());
        }
        List<ResellerOutcome> outcomes = new ArrayList<>();
        outcomes.add(new StatementIssued(Statement.of(state, date, settings.annualInterestPercent())));
        List<String> overdue = state.overdueOrders(date).stream().map(ResellerOrder::id).toList();
        if (!state.onPrepay() && !overdue.isEmpty()) {
            outcomes.add(new PrepayStarted(overdue));
            return new Accepted(state.withPrepay(true), outcomes);
        }
        return new Accepted(state, outcomes);
    }

    private static OrderReleased released(ResellerOrder order) {
        return new OrderReleased(order.id(), order.shipTo(), order.licences(), order.customerView());
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Accepted accepted(ResellerAccount state, ResellerOutcome outcome) {
        return new Accepted(state, List.of(outcome));
    }

    private static Refused refused(RefusalReason reason, String detail) {
        return new Refused(List.of(reason), detail);
    }
}
