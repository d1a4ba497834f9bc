package io.channelhub.billing.domain.migration;

import io.channelhub.pricing.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What one prepaid order became in the migration (B5) and the credit it earned (B6).
 *
 * @param unusedDays prepaid days from the opt-in day (UTC, included) to the renewal date; 0 when nothing is left
 * @param credit     amount paid × unused days ÷ term days, half-up to the cent
 * @param trialEnd   the trial's end, exclusive, for TRIAL_KEPT and FINAL_TRIAL; null for ANNUAL
 */
public record MigratedOrder(PrepaidOrder order, OutcomeKind kind, int unusedDays, Money credit, LocalDate trialEnd) {

    public MigratedOrder {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(credit, "credit");
        if (unusedDays < 0 || unusedDays > order.termDays()) {
            throw new IllegalArgumentException("Order " + order.orderId() + ": " + unusedDays + " unused days");
        }
        // Never more back than was paid, never a debit.
        if (credit.isNegative() || credit.compareTo(order.amountPaid()) > 0) {
            throw new IllegalArgumentException("Order " + order.orderId() + ": credit " + credit + " for "
                    + order.amountPaid() + " paid");
        }
        if ((kind == OutcomeKind.ANNUAL) == (trialEnd != null)) {
            throw new IllegalArgumentException("Order " + order.orderId() + ": trials, and only they, have an end");
        }
    }

    public String orderId() {
        return order.orderId();
    }
}
