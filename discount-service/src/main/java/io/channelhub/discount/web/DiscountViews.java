package io.channelhub.discount.web;

import io.channelhub.discount.event.DiscountTerms;
import io.channelhub.discount.state.Discount;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Discounts as their two audiences see them. Two types rather than one with an optional field: the reseller's
 * view has no place for the ISV's private notes at all (D7), so no code path can leak them into it.
 */
final class DiscountViews {

    private DiscountViews() {
    }

    /** For the ISV that gave it: everything, its private notes included. */
    record IsvDiscount(String discountId, String resellerId, String resellerName, String billingAccountId,
            String customerName, BigDecimal percent, Instant startsAt, Instant endsAt, String offerId,
            String offerUse, String status, Instant proposedAt, Instant acceptedAt, Instant closedAt,
            String privateNotes) {

        static IsvDiscount of(Discount d) {
            DiscountTerms t = d.getTerms();
            return new IsvDiscount(t.getDiscountId(), t.getResellerId(), t.getResellerName(), t.getBillingAccountId(),
                    t.getCustomerName(), t.getPercent(), t.getStartsAt(), t.getEndsAt(), DiscountViews.offerId(t), DiscountViews.offerUse(t),
                    d.getStatus().name(), d.getProposedAt(), d.getAcceptedAt(), d.getClosedAt(), d.getPrivateNotes());
        }
    }

    /** For the reseller it is offered through: the terms and where they stand, never the ISV's notes. */
    record ResellerDiscount(String discountId, String isvId, String isvName, String billingAccountId,
            String customerName, BigDecimal percent, Instant startsAt, Instant endsAt, String offerId,
            String offerUse, String status, Instant acceptBy, Instant acceptedAt, Instant closedAt) {

        static ResellerDiscount of(Discount d) {
            DiscountTerms t = d.getTerms();
            return new ResellerDiscount(t.getDiscountId(), t.getIsvId(), t.getIsvName(), t.getBillingAccountId(),
                    t.getCustomerName(), t.getPercent(), t.getStartsAt(), t.getEndsAt(), DiscountViews.offerId(t), DiscountViews.offerUse(t),
                    d.getStatus().name(), t.getStartsAt(), d.getAcceptedAt(), d.getClosedAt());
        }
    }

    private static String offerId(DiscountTerms t) {
        return t.getOfferPlan() == null ? null : t.getOfferPlan().getOfferId();
    }

    private static String offerUse(DiscountTerms t) {
        return t.getOfferPlan() == null ? null : t.getOfferPlan().getUse().name();
    }
}
