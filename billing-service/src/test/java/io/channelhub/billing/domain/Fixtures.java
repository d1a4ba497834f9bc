package io.channelhub.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.domain.subscription.SubscriptionCommand;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.StartPlan;
import io.channelhub.billing.domain.subscription.SubscriptionDecider;
import io.channelhub.billing.domain.subscription.SubscriptionDecision;
import io.channelhub.pricing.DiscountTerm;
import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.Instant;

/** Seed figures (B2: 50.00 and 60.00 a user-year less 20% → 3.33 and 4.00 a user-month) and small builders. */
public final class Fixtures {

    public static final String ISV = "isv-1";
    public static final String R1 = "reseller-1";
    public static final String R2 = "reseller-2";
    public static final String BA1 = "ba-1";
    public static final String BA2 = "ba-2";
    public static final BigDecimal MARGIN = new BigDecimal("20");

    private Fixtures() {
    }

    public static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    /** "2024-06-01" is midnight UTC; a full instant is taken as is. */
    public static Instant at(String instant) {
        return Instant.parse(instant.length() == 10 ? instant + "T00:00:00Z" : instant);
    }

    /** B2: 50.00 − 20% = 40.00 / 12 = 3.33 a user-month. */
    public static StartPlan startAnnual(String id, int licences) {
        return new StartPlan(id, BA1, R1, ISV, "sku-apps", null, Plan.ANNUAL, usd("50.00"), MARGIN, licences);
    }

    /** B2: 60.00 − 20% = 48.00 / 12 = 4.00 a user-month. */
    public static StartPlan startFlexible(String id, int cap) {
        return new StartPlan(id, BA1, R1, ISV, "sku-apps", null, Plan.FLEXIBLE, usd("60.00"), MARGIN, cap);
    }

    public static Subscription annual(String id, int licences, String acceptedAt) {
        return apply(null, startAnnual(id, licences), acceptedAt);
    }

    public static Subscription flexible(String id, int cap, String acceptedAt) {
        return apply(null, startFlexible(id, cap), acceptedAt);
    }

    /** The new state of a command that must be accepted. */
    public static Subscription apply(Subscription state, SubscriptionCommand command, String at) {
        SubscriptionDecision decision = SubscriptionDecider.decide(command, state, at(at));
        assertThat(decision).isInstanceOf(SubscriptionDecision.Accepted.class);
        return ((SubscriptionDecision.Accepted) decision).state();
    }

    public static DiscountTerm discount(String id, String reseller, String account, String percent, String from,
                                        String until) {
        return new DiscountTerm(id, ISV, account, reseller, new BigDecimal(percent), at(from),
                until == null ? null : at(until), null);
    }
}
