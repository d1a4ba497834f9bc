package io.channelhub.billing.domain.reseller;

import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One reseller order (R2): the end customer as ship-to (the reseller is the bill-to), its money, and how far it got.
 *
 * @param dueDate          order date + the payment term (R5); only an order on credit can pass it
 * @param paidAt           when the covering payment arrived, null until then
 * @param interestCharged  R5 interest charged with the payment; zero until paid
 * @param licences         one per line, empty while held
 * @param temporaryLicence R4, at the reseller's request while held, or null
 */
public record ResellerOrder(String id, Instant placedAt, EndCustomer shipTo, OrderPricing pricing, OrderStatus status,
                            LocalDate dueDate, Instant paidAt, List<Payment> payments, Money interestCharged,
                            List<Licence> licences, TemporaryLicence temporaryLicence) {

    public ResellerOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(shipTo, "shipTo");
        Objects.requireNonNull(pricing, "pricing");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(interestCharged, "interestCharged");
        payments = List.copyOf(payments);
        licences = List.copyOf(licences);
        if ((status == OrderStatus.PAID) != (paidAt != null)
                || licences.isEmpty() != (status == OrderStatus.HELD_UNTIL_PAID)) {
            throw new IllegalArgumentException("Order " + id + " is " + status + " with paidAt " + paidAt + " and "
                    + licences.size() + " licences");
        }
        Money received = payments.stream().map(Payment::amount).reduce(Money.zero(pricing.currency()), Money::plus);
        if (interestCharged.isNegative() || status == OrderStatus.PAID
                && received.compareTo(pricing.total().plus(interestCharged)) < 0) {
            throw new IllegalArgumentException("Order " + id + " is paid " + received + " short of its total "
                    + pricing.total() + " and interest " + interestCharged);
        }
    }

    static ResellerOrder place(String id, Instant placedAt, EndCustomer shipTo, OrderPricing pricing,
                               LocalDate dueDate, boolean held) {
        return new ResellerOrder(id, placedAt, shipTo, pricing,
                held ? OrderStatus.HELD_UNTIL_PAID : OrderStatus.RELEASED_ON_CREDIT, dueDate, null, List.of(),
                Money.zero(pricing.currency()), held ? List.of() : Licence.issue(id, pricing.lines()), null);
    }

    /** The day it was placed, UTC: the day tax (R6) and the due date (R5) are taken on. */
    public LocalDate orderDate() {
        return placedAt.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    public Money total() {
        return pricing.total();
    }

    /** Days past due on {@code asOf}; 0 unless on credit: a held order waits, it does not owe. */
    public long daysOverdue(LocalDate asOf) {
        return status == OrderStatus.RELEASED_ON_CREDIT ? Interest.daysOverdue(dueDate, asOf) : 0;
    }

    public boolean overdueOn(LocalDate asOf) {
        return daysOverdue(asOf) > 0;
    }

    /** R5 interest on the total accrued by {@code asOf}. */
    public Money interestOn(LocalDate asOf, BigDecimal annualPercent) {
        return Interest.accrued(total(), annualPercent, daysOverdue(asOf));
    }

    /** R7: what the customer may see; empty of licences while held. */
    public CustomerView customerView() {
        return CustomerView.of(id, licences);
    }

    ResellerOrder paid(Payment payment, Money interest) {
        return new ResellerOrder(id, placedAt, shipTo, pricing, OrderStatus.PAID, dueDate, payment.receivedAt(),
                Stream.concat(payments.stream(), Stream.of(payment)).toList(), interest,
                licences.isEmpty() ? Licence.issue(id, pricing.lines()) : licences, temporaryLicence);
    }

    ResellerOrder withTemporaryLicence(TemporaryLicence licence) {
        return new ResellerOrder(id, placedAt, shipTo, pricing, status, dueDate, paidAt, payments, interestCharged,
                licences, licence);
    }
}
