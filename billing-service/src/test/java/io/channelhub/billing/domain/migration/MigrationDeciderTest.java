package io.channelhub.billing.domain.migration;

import static io.channelhub.billing.domain.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelhub.billing.domain.migration.MigrationDecision.Accepted;
import io.channelhub.billing.domain.migration.MigrationDecision.Refused;
import io.channelhub.billing.domain.migration.MigrationOutcome.Migrated;
import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.pricing.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MigrationDeciderTest {

    static MigrationDecision optIn(List<PrepaidOrder> orders, Instant at) {
        return MigrationDecider.optIn(RESELLER, orders, null, SETTINGS, at);
    }

    static Migration migration(List<PrepaidOrder> orders, Instant at) {
        Accepted accepted = accepted(optIn(orders, at));
        assertThat(accepted.outcomes()).hasSize(1).first().isInstanceOf(Migrated.class);
        return ((Migrated) accepted.outcomes().get(0)).migration();
    }

    static Map<String, MigratedOrder> byId(Migration migration) {
        return migration.orders().stream().collect(Collectors.toMap(MigratedOrder::orderId, Function.identity()));
    }

    // ---- B5: when opting in is allowed --------------------------------------------------------------------

    @Test
    void lastThreeDaysOfA31DayMonthAreRefusedFromThe29th() {
        // B5: refused when day-of-month > length − 3; October has 31 days, so the 28th is the last day allowed.
        assertThat(optIn(BOOK, at("2026-10-28T23:59:59Z"))).isInstanceOf(Accepted.class);
        Refused refused = refused(optIn(BOOK, at("2026-10-29T00:00:00Z")));
        assertThat(refused.reasons()).containsExactly(RefusalReason.LAST_DAYS_OF_MONTH);
        assertThat(refused.detail()).contains("2026-10-29", "last 3 days", "2026-11-01");
        assertThat(optIn(BOOK, at("2026-10-31T12:00:00Z"))).isInstanceOf(Refused.class);
        assertThat(optIn(BOOK, at("2026-11-01T00:00:00Z"))).isInstanceOf(Accepted.class);
    }

    @Test
    void februaryRefusesFromThe26thAndTheWindowIsConfigurable() {
        // B5: 28-day February 2026: 28 − 3 = 25 allowed, 26 refused.
        assertThat(optIn(BOOK, at("2026-02-25T23:00:00Z"))).isInstanceOf(Accepted.class);
        assertThat(refused(optIn(BOOK, at("2026-02-26"))).reasons()).containsExactly(RefusalReason.LAST_DAYS_OF_MONTH);
        // Configurable: 0 days allows the 31st, 5 days refuses from the 27th of October.
        MigrationSettings none = new MigrationSettings(0, 30, 30, 7);
        MigrationSettings five = new MigrationSettings(5, 30, 30, 7);
        assertThat(MigrationDecider.optIn(RESELLER, BOOK, null, none, at("2026-10-31"))).isInstanceOf(Accepted.class);
        assertThat(MigrationDecider.optIn(RESELLER, BOOK, null, five, at("2026-10-26"))).isInstanceOf(Accepted.class);
        assertThat(MigrationDecider.optIn(RESELLER, BOOK, null, five, at("2026-10-27")))
                .isInstanceOf(Refused.class);
        assertThatThrownBy(() -> new MigrationSettings(28, 30, 30, 7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecondOptInIsRefused() {
        // B5: irreversible; the state is left as it was.
        MigrationState state = migrated();
        Refused refused = refused(MigrationDecider.optIn(RESELLER, BOOK, state, SETTINGS,
                at("2026-11-02")));
        assertThat(refused.reasons()).containsExactly(RefusalReason.ALREADY_MIGRATED);
        assertThat(refused.detail()).contains("2026-10-02T09:00:00Z");
    }

    @Test
    void refusalsAreCollectedAndBadBooksRefused() {
        // B5: a second opt-in in the last days gets both reasons at once.
        assertThat(refused(MigrationDecider.optIn(RESELLER, BOOK, migrated(), SETTINGS, at("2026-10-30"))).reasons())
                .containsExactly(RefusalReason.ALREADY_MIGRATED, RefusalReason.LAST_DAYS_OF_MONTH);
        assertThat(refused(optIn(List.of(), OPT_IN)).reasons()).containsExactly(RefusalReason.NO_PREPAID_ORDERS);
        assertThat(refused(optIn(List.of(A, A), OPT_IN)).reasons()).containsExactly(RefusalReason.DUPLICATE_ORDER);
        PrepaidOrder usd = new PrepaidOrder("U", "ba-U", CustomerKind.ONLINE, ProductType.STANDARD, "isv-1", "sku",
                null, 1, Money.of("10.00", "USD"), day("2026-01-01"), day("2027-01-01"),
                true, PrepaidStatus.ACTIVE, null, at("2026-01-01"));
        assertThat(refused(optIn(List.of(A, usd), OPT_IN)).reasons()).containsExactly(RefusalReason.CURRENCY_MISMATCH);
    }

    // ---- B5: what each order becomes ----------------------------------------------------------------------

    @Test
    void everyOrderMigratesExactlyOnceWithItsOutcomeAndCredit() {
        // B5 nothing lost: 5 orders in, 5 entries out, same ids, in the same order.
        Migration migration = migration(BOOK, OPT_IN);
        assertThat(migration.orders()).extracting(MigratedOrder::orderId).containsExactly("A", "B", "C", "D", "E");
        Map<String, MigratedOrder> m = byId(migration);
        // A: ACTIVE, auto-renew → Annual; 120.00 × 91 / 365 = 29.917… → 29.92.
        assertThat(m.get("A").kind()).isEqualTo(OutcomeKind.ANNUAL);
        assertThat(m.get("A").unusedDays()).isEqualTo(91);
        assertThat(m.get("A").credit()).isEqualTo(eur("29.92"));
        assertThat(m.get("A").trialEnd()).isNull();
        // B: a trial stays a trial with its own end; nothing paid, nothing credited.
        assertThat(m.get("B").kind()).isEqualTo(OutcomeKind.TRIAL_KEPT);
        assertThat(m.get("B").trialEnd()).isEqualTo(day("2026-10-20"));
        assertThat(m.get("B").credit()).isEqualTo(eur("0.00"));
        // C: grace period → final 30-day trial from the opt-in day: 2026-10-02 + 30 = 2026-11-01; no days left.
        assertThat(m.get("C").kind()).isEqualTo(OutcomeKind.FINAL_TRIAL);
        assertThat(m.get("C").trialEnd()).isEqualTo(day("2026-11-01"));
        assertThat(m.get("C").unusedDays()).isZero();
        assertThat(m.get("C").credit()).isEqualTo(eur("0.00"));
        // D: 18 days to renewal (≤ 30), no auto-renew → final trial, and credit for the paid days: 365 × 18/365.
        assertThat(m.get("D").kind()).isEqualTo(OutcomeKind.FINAL_TRIAL);
        assertThat(m.get("D").trialEnd()).isEqualTo(day("2026-11-01"));
        assertThat(m.get("D").credit()).isEqualTo(eur("18.00"));
        // E: same but auto-renewing → Annual until its renewal; 73.00 × 18 / 365 = 3.60.
        assertThat(m.get("E").kind()).isEqualTo(OutcomeKind.ANNUAL);
        assertThat(m.get("E").credit()).isEqualTo(eur("3.60"));
        // 29.92 + 0 + 0 + 18.00 + 3.60 = 51.52
        assertThat(migration.totalCredit()).isEqualTo(eur("51.52"));
    }

    @Test
    void nearRenewalMeansAtMostThirtyDaysFromTheOptInDay() {
        // B5: opt-in 2026-10-02, no auto-renew: renewal 2026-11-01 is 30 days away → final trial; 11-02 (31) → Annual.
        PrepaidOrder thirty = order("N30", PrepaidStatus.ACTIVE, "365.00", "2025-11-01", "2026-11-01", false);
        PrepaidOrder thirtyOne = order("N31", PrepaidStatus.ACTIVE, "365.00", "2025-11-02", "2026-11-02", false);
        Map<String, MigratedOrder> m = byId(migration(List.of(thirty, thirtyOne), OPT_IN));
        assertThat(m.get("N30").kind()).isEqualTo(OutcomeKind.FINAL_TRIAL);
        assertThat(m.get("N30").credit()).isEqualTo(eur("30.00")); // 365 × 30 / 365
        assertThat(m.get("N31").kind()).isEqualTo(OutcomeKind.ANNUAL);
        assertThat(m.get("N31").credit()).isEqualTo(eur("31.00")); // 365 × 31 / 365
    }

    @Test
    void creditIsRoundedHalfUpOnceAndAnActiveOrderPastRenewalIsInGrace() {
        // B5: 100.10 × 5 / 20 = 25.025 → 25.03 half-up (half-even would give 25.02).
        PrepaidOrder half = order("H", PrepaidStatus.ACTIVE, "100.10", "2026-09-17", "2026-10-07", true);
        // An ACTIVE order whose renewal (2026-10-01) is before the opt-in day has no term left: a final trial.
        PrepaidOrder lapsed = order("L", PrepaidStatus.ACTIVE, "50.00", "2025-10-01", "2026-10-01", true);
        Map<String, MigratedOrder> m = byId(migration(List.of(half, lapsed), OPT_IN));
        assertThat(m.get("H").credit()).isEqualTo(eur("25.03"));
        assertThat(m.get("L").kind()).isEqualTo(OutcomeKind.FINAL_TRIAL);
        assertThat(m.get("L").credit()).isEqualTo(eur("0.00"));
    }

    @Test
    void annualOrdersGivePlansThatKeepTheirRenewalDate() {
        // B5: subscription = order, term from the opt-in instant to the renewal date, same seats, reseller pays.
        List<PostpaidPlanStart> plans = migration(BOOK, OPT_IN).annualPlans();
        assertThat(plans).extracting(PostpaidPlanStart::subscriptionId).containsExactly("A", "E");
        PostpaidPlanStart a = plans.get(0);
        assertThat(a).isEqualTo(new PostpaidPlanStart("A", "ba-A", RESELLER, "isv-1", "sku-apps", null, Plan.ANNUAL,
                10, OPT_IN, at("2027-01-01")));
    }

    @Test
    void theStateHoldsTheBalanceAndTheTrials() {
        // B5/B6: balance = total credit 51.52; trials B (10-20), C and D (11-01), none reminded yet.
        MigrationState state = migrated();
        assertThat(state.migratedAt()).isEqualTo(OPT_IN);
        assertThat(state.creditBalance()).isEqualTo(eur("51.52"));
        assertThat(state.trials()).extracting(t -> t.order().orderId() + "@" + t.end() + ":" + t.reminded())
                .containsExactly("B@2026-10-20:false", "C@2026-11-01:false", "D@2026-11-01:false");
    }

    @Test
    void theMigrationRecordRefusesLostOrDoubledOrders() {
        // B5 nothing lost: the record checks each order once and the total is their sum.
        MigratedOrder a = new MigratedOrder(A, OutcomeKind.ANNUAL, 91, eur("29.92"), null);
        assertThatThrownBy(() -> new Migration(RESELLER, OPT_IN, List.of(a, a), eur("59.84")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Migration(RESELLER, OPT_IN, List.of(a), eur("30.00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MigratedOrder(A, OutcomeKind.ANNUAL, 91, eur("120.01"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
