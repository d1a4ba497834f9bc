package io.channelhub.billing.domain.migration;

import io.channelhub.billing.domain.subscription.Plan;
import java.time.Instant;
import java.util.Objects;

/**
 * What the postpaid side needs to start a plan for a migrated order or a converted trial: the fields of
 * {@code SubscriptionCommand.StartPlan} except the price, which the topology takes from the price reference data
 * and the reseller's margin (B2) as for any other plan.
 *
 * @param subscriptionId the prepaid order id, so a replay starts the same subscription
 * @param payerId        the reseller
 * @param offerId        the private offer, or null
 * @param termStart      the opt-in (migrated order) or conversion instant
 * @param termEnd        a migrated order's renewal date (start of day, UTC): the Annual term keeps it; null for a
 *                       converted trial, whose plan takes its usual term (12 months for Annual, none for Flexible)
 */
public record PostpaidPlanStart(String subscriptionId, String billingAccountId, String payerId, String isvId,
                                String sku, String offerId, Plan plan, int seats, Instant termStart,
                                Instant termEnd) {

    public PostpaidPlanStart {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(billingAccountId, "billingAccountId");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(termStart, "termStart");
        if (seats <= 0 || (termEnd != null && !termEnd.isAfter(termStart))) {
            throw new IllegalArgumentException("Plan " + subscriptionId + " needs seats and a term ending after "
                    + termStart);
        }
    }
}
