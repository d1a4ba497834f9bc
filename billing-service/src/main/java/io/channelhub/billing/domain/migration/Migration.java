package io.channelhub.billing.domain.migration;

import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.pricing.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A reseller's accepted migration (B5): one entry per prepaid order, and the credit they earned together.
 *
 * @param migratedAt the opt-in instant
 */
public record Migration(String resellerId, Instant migratedAt, List<MigratedOrder> orders, Money totalCredit) {

    public Migration {
        Objects.requireNonNull(resellerId, "resellerId");
        Objects.requireNonNull(migratedAt, "migratedAt");
        Objects.requireNonNull(totalCredit, "totalCredit");
        orders = List.copyOf(orders);
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("A migration converts at least one prepaid order");
        }
        // Nothing lost, nothing twice: every order exactly once, and the total is the sum of the entries.
        Set<String> ids = new HashSet<>();
        Money sum = Money.zero(totalCredit.currency());
        for (MigratedOrder order : orders) {
            if (!ids.add(order.orderId())) {
                throw new IllegalArgumentException("Order " + order.orderId() + " migrated twice");
            }
            sum = sum.plus(order.credit());
        }
        if (!sum.sameAs(totalCredit)) {
            throw new IllegalArgumentException("Total credit " + totalCredit + " is not the orders' " + sum);
        }
    }

    /** The customers' accounts at the migration: existing customers, never "new online" ones (B6). */
    public Set<String> accounts() {
        Set<String> accounts = new HashSet<>();
        orders.forEach(o -> accounts.add(o.order().billingAccountId()));
        return Set.copyOf(accounts);
    }

    /** B5: the Annual plans to start, one per ANNUAL order, each ending on the order's renewal date. */
    public List<PostpaidPlanStart> annualPlans() {
        return orders.stream().filter(o -> o.kind() == OutcomeKind.ANNUAL).map(MigratedOrder::order)
                .map(o -> new PostpaidPlanStart(o.orderId(), o.billingAccountId(), resellerId, o.isvId(), o.sku(),
                        o.offerId(), Plan.ANNUAL, o.seats(), migratedAt,
                        o.renewalDate().atStartOfDay(ZoneOffset.UTC).toInstant()))
                .toList();
    }
}
