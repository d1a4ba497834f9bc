package io.channelhub.pricing;

import java.time.Instant;
import java.util.Objects;

/**
 * What the reseller customer bought, as far as discounts care.
 *
 * @param offerId                the offer the purchase was made through; null if not through a private offer
 * @param offerAcceptedAt        when the offer was accepted
 * @param lastAmendedOrRenewedAt the last amendment or renewal, null if none (D8 re-evaluates there)
 * @param currentTermStart       start of the current offer term (D10)
 * @param currentTermEnd         end of the current offer term, exclusive; null for an open-ended term
 */
public record Purchase(String isvId, String billingAccountId, String offerId, Instant offerAcceptedAt,
                       Instant lastAmendedOrRenewedAt, Instant currentTermStart, Instant currentTermEnd) {

    public Purchase {
        Objects.requireNonNull(isvId, "isvId");
        Objects.requireNonNull(billingAccountId, "billingAccountId");
        Objects.requireNonNull(offerAcceptedAt, "offerAcceptedAt");
        Objects.requireNonNull(currentTermStart, "currentTermStart");
        if (lastAmendedOrRenewedAt != null && lastAmendedOrRenewedAt.isBefore(offerAcceptedAt)) {
            throw new IllegalArgumentException("Amended or renewed before the offer was accepted");
        }
        if (currentTermEnd != null && !currentTermEnd.isAfter(currentTermStart)) {
            throw new IllegalArgumentException("Offer term ends before it starts");
        }
    }

    /** The later of acceptance and the last amendment or renewal: where D8 picks a kept discount. */
    public Instant discountFixedAt() {
        return lastAmendedOrRenewedAt == null ? offerAcceptedAt : lastAmendedOrRenewedAt;
    }

    public boolean isAmendedOrRenewed() {
        return lastAmendedOrRenewedAt != null;
    }
}
