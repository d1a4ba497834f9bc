package io.channelhub.billing.domain.migration;

import io.channelhub.pricing.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A customer's prepaid order as the prepaid programme holds it when its reseller opts in (B5).
 *
 * @param billingAccountId the customer's billing account
 * @param offerId          the private offer it was bought through, or null
 * @param amountPaid       what the reseller paid for the whole term (zero for a trial)
 * @param termStart        first day of the paid term
 * @param renewalDate      the term's end, exclusive: the first day no longer paid for
 * @param trialEnd         TRIAL only: the trial's end, exclusive (the first day without service); null otherwise
 */
public record PrepaidOrder(String orderId, String billingAccountId, CustomerKind customerKind, ProductType productType,
                           String isvId, String sku, String offerId, int seats, Money amountPaid, LocalDate termStart,
                           LocalDate renewalDate, boolean autoRenew, PrepaidStatus status, LocalDate trialEnd,
                           Instant placedAt) {

    public PrepaidOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(billingAccountId, "billingAccountId");
        Objects.requireNonNull(customerKind, "customerKind");
        Objects.requireNonNull(productType, "productType");
        Objects.requireNonNull(isvId, "isvId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(amountPaid, "amountPaid");
        Objects.requireNonNull(termStart, "termStart");
        Objects.requireNonNull(renewalDate, "renewalDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(placedAt, "placedAt");
        if (seats <= 0 || amountPaid.isNegative()) {
            throw new IllegalArgumentException("Order " + orderId + " needs seats and a non-negative amount");
        }
        if (!renewalDate.isAfter(termStart)) {
            throw new IllegalArgumentException("Order " + orderId + " renews on " + renewalDate
                    + ", not after its term start " + termStart);
        }
        if ((status == PrepaidStatus.TRIAL) != (trialEnd != null)) {
            throw new IllegalArgumentException("Order " + orderId + ": a trial end is for trials, and trials need one");
        }
    }

    /** Days in the paid term: 2026-01-01 to 2027-01-01 is 365. */
    public int termDays() {
        return (int) ChronoUnit.DAYS.between(termStart, renewalDate);
    }
}
