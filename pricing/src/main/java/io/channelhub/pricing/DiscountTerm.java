package io.channelhub.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One discount of an ISV for a reseller customer billing account, with the interval in which it was actually in
 * effect: half-open {@code [inEffectFrom, inEffectUntil)}. {@code inEffectUntil} is null while the discount has
 * neither ended nor been cancelled; a discount cancelled before it started has {@code inEffectUntil == inEffectFrom}
 * and is never in effect.
 *
 * @param percent  0 &lt; percent ≤ 100, at most two decimals
 * @param billingAccountId the reseller customer subaccount; null only for a multi-use private offer plan, which
 *                 covers any customer of the reseller (D5)
 * @param offerId  the private offer plan the discount belongs to (D5), or null: then it covers every product of
 *                 the ISV bought through the billing account
 */
public record DiscountTerm(String discountId, String isvId, String billingAccountId, String resellerId,
                           BigDecimal percent, Instant inEffectFrom, Instant inEffectUntil, String offerId) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public DiscountTerm {
        Objects.requireNonNull(discountId, "discountId");
        Objects.requireNonNull(isvId, "isvId");
        if (billingAccountId == null && offerId == null) {
            throw new IllegalArgumentException("Discount " + discountId + " names no billing account: only a "
                    + "multi-use private offer plan covers every customer of its reseller (D5)");
        }
        Objects.requireNonNull(resellerId, "resellerId");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(inEffectFrom, "inEffectFrom");
        if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0 || percent.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("Discount percent must be in (0, 100] with at most two decimals: " + percent);
        }
        if (inEffectUntil != null && inEffectUntil.isBefore(inEffectFrom)) {
            throw new IllegalArgumentException("Discount " + discountId + " ends before it starts");
        }
    }

    /** True if {@code instant} lies in {@code [inEffectFrom, inEffectUntil)}. */
    public boolean inEffectAt(Instant instant) {
        return !instant.isBefore(inEffectFrom) && (inEffectUntil == null || instant.isBefore(inEffectUntil));
    }

    /** True for a private-offer-plan discount (D5). */
    public boolean isOfferScoped() {
        return offerId != null;
    }

    /**
     * Same ISV and account (any account of the reseller for a multi-use plan: the caller passes one reseller's
     * terms), and either general or scoped to the offer the purchase was made through (D5).
     */
    public boolean covers(Purchase purchase) {
        return isvId.equals(purchase.isvId())
                && (billingAccountId == null || billingAccountId.equals(purchase.billingAccountId()))
                && (offerId == null || offerId.equals(purchase.offerId()));
    }
}
