package io.channelhub.billing.domain.subscription;

import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** What a reseller, customer or transfer asks of a subscription; {@link SubscriptionDecider} decides. */
public sealed interface SubscriptionCommand {

    /**
     * Starts a plan (B1); the unit price is fixed here from the list price less the margin (B2).
     *
     * @param offerId the private offer the subscription was bought through (D5), or null
     * @param seats   the licences committed (Annual) or the seat cap (Flexible, which starts with no users)
     * @param termEnd B5: an Annual term's end kept from a migrated order; null for the usual 12 months
     */
    record StartPlan(String subscriptionId, String billingAccountId, String payerId, String isvId, String sku,
                     String offerId, Plan plan, Money listPerUserYear, BigDecimal marginPercent, int seats,
                     Instant termEnd) implements SubscriptionCommand {

        public StartPlan(String subscriptionId, String billingAccountId, String payerId, String isvId, String sku,
                         String offerId, Plan plan, Money listPerUserYear, BigDecimal marginPercent, int seats) {
            this(subscriptionId, billingAccountId, payerId, isvId, sku, offerId, plan, listPerUserYear, marginPercent,
                    seats, null);
        }

        /** B1, B2: the plan a reseller chose, with its price and margin as the price list has them (or not). */
        public static StartPlan chosen(SubscriptionPlanChosen chosen, PriceList prices) {
            Plan plan = Plan.valueOf(chosen.getPlan().name());
            return new StartPlan(chosen.getSubscriptionId(), chosen.getBillingAccountId(), chosen.getPayerId(),
                    chosen.getIsvId(), chosen.getSku(), chosen.getOfferId(), plan,
                    prices.listPerUserYear(chosen.getSku(), plan), prices.marginPercent(chosen.getPayerId()),
                    chosen.getSeats(), chosen.getTermEnd());
        }
    }

    /** Annual: licences added to the commitment (an amendment, billed pro rata). Flexible: users added. */
    record AddSeats(int count) implements SubscriptionCommand {
    }

    /** Flexible: users removed. Annual: always refused, licences are reduced by renewing with fewer (B1). */
    record RemoveSeats(int count) implements SubscriptionCommand {
    }

    /** Flexible only: the reseller's seat cap, changeable any time (B1). */
    record SetCap(int cap) implements SubscriptionCommand {
    }

    /** Annual only, from the end of the term: a new 12-month term with {@code seats} licences, fewer allowed. */
    record Renew(int seats) implements SubscriptionCommand {
    }

    /** A completed transfer: the subscription is paid by another reseller / account from the command's instant. */
    record MoveToPayer(String payerId, String billingAccountId) implements SubscriptionCommand {
    }
}
