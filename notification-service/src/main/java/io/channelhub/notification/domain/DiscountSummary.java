package io.channelhub.notification.domain;

import io.channelhub.discount.event.DiscountTerms;
import io.channelhub.discount.event.OfferPlanUse;

/**
 * What every discount e-mail shows about the discount, in the words the templates print. Only ISVs and resellers
 * receive these e-mails (D7: a customer never sees a discount), and the ISV's private notes are not in the event
 * at all, so they cannot reach the reseller.
 */
public record DiscountSummary(String discountId, String isv, String reseller, String customer, String billingAccount,
        String percent, String startsAt, String endsAt, String offer) {

    /** The customer by name; its billing account id only on the reference line. */
    static DiscountSummary of(DiscountTerms terms) {
        return new DiscountSummary(terms.getDiscountId(), terms.getIsvName(), terms.getResellerName(),
                terms.getCustomerName() != null ? terms.getCustomerName()
                        : "every customer of " + terms.getResellerName(),
                terms.getBillingAccountId(),
                terms.getPercent().stripTrailingZeros().toPlainString() + "%",
                Emails.WHEN.format(terms.getStartsAt()),
                terms.getEndsAt() == null ? "until cancelled" : Emails.WHEN.format(terms.getEndsAt()),
                offer(terms));
    }

    private static String offer(DiscountTerms terms) {
        if (terms.getOfferPlan() == null) {
            return "every product of " + terms.getIsvName();
        }
        return "purchases through private offer " + terms.getOfferPlan().getOfferId()
                + (terms.getOfferPlan().getUse() == OfferPlanUse.SINGLE_USE ? " (single use)" : " (multi use)");
    }
}
