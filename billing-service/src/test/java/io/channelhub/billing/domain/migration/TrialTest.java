package io.channelhub.billing.domain.migration;

import static io.channelhub.billing.domain.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.domain.migration.MigrationDecision.Accepted;
import io.channelhub.billing.domain.migration.MigrationOutcome.CustomerSuspended;
import io.channelhub.billing.domain.migration.MigrationOutcome.TrialCancelled;
import io.channelhub.billing.domain.migration.MigrationOutcome.TrialConverted;
import io.channelhub.billing.domain.migration.MigrationOutcome.TrialEndingReminder;
import io.channelhub.billing.domain.subscription.Plan;
import org.junit.jupiter.api.Test;

/** The trials the migration leaves: B ends 2026-10-20, C and D 2026-11-01 (see {@link MigrationFixtures}). */
class TrialTest {

    static Accepted tick(MigrationState state, String at) {
        return accepted(MigrationDecider.dueTrials(state, SETTINGS, at(at)));
    }

    @Test
    void aReminderGoesOutSevenDaysBeforeTheEndOnce() {
        // 2026-10-20 − 7 = 2026-10-13: nothing on the 12th, one reminder for B on the 13th, none again after.
        MigrationState state = migrated();
        assertThat(tick(state, "2026-10-12T23:00:00Z").outcomes()).isEmpty();
        Accepted reminded = tick(state, "2026-10-13T06:00:00Z");
        assertThat(reminded.outcomes()).containsExactly(new TrialEndingReminder("B", "ba-B", day("2026-10-20")));
        assertThat(tick(reminded.state(), "2026-10-14").outcomes()).isEmpty();
    }

    // B5: the next day a trial has something due, for the processor's deadline index: B's reminder, then its end,
    // then C's and D's reminder (11-01 − 7), their end, and nothing once no trial runs
    @Test
    void theNextTrialDeadlineIsTheEarliestReminderOrEnd() {
        MigrationState state = migrated();
        assertThat(MigrationDecider.nextTrialDeadline(state, SETTINGS)).contains(at("2026-10-13T00:00:00Z"));
        MigrationState reminded = tick(state, "2026-10-13").state();
        assertThat(MigrationDecider.nextTrialDeadline(reminded, SETTINGS)).contains(at("2026-10-20T00:00:00Z"));
        MigrationState bEnded = tick(reminded, "2026-10-20").state();
        assertThat(MigrationDecider.nextTrialDeadline(bEnded, SETTINGS)).contains(at("2026-10-25T00:00:00Z"));
        MigrationState all = tick(tick(bEnded, "2026-10-25").state(), "2026-11-01").state();
        assertThat(MigrationDecider.nextTrialDeadline(all, SETTINGS)).isEmpty();
        assertThat(MigrationDecider.nextTrialDeadline(null, SETTINGS)).isEmpty();
    }

    @Test
    void aTrialNotConvertedByItsEndSuspendsTheCustomer() {
        // B5: B's end is exclusive: still running on 10-19, suspended from 10-20 00:00 UTC, and dropped.
        MigrationState state = tick(migrated(), "2026-10-13").state();
        assertThat(tick(state, "2026-10-19T23:59:59Z").outcomes()).isEmpty();
        Accepted ended = tick(state, "2026-10-20T00:00:00Z");
        assertThat(ended.outcomes()).containsExactly(new CustomerSuspended("B", "ba-B", day("2026-10-20")));
        assertThat(ended.state().trial("B")).isEmpty();
        assertThat(tick(ended.state(), "2026-10-21").outcomes()).isEmpty();
    }

    @Test
    void aConvertedTrialStartsAPlanAndIsNotSuspended() {
        // B5: D converted to Flexible with 5 seats on 10-15; on 11-01 only C (not converted) is suspended.
        Accepted converted = accepted(MigrationDecider.convertTrial(migrated(), "D", Plan.FLEXIBLE, 5,
                at("2026-10-15T10:00:00Z")));
        assertThat(converted.outcomes()).containsExactly(new TrialConverted("D", new PostpaidPlanStart("D", "ba-D",
                RESELLER, "isv-1", "sku-apps", null, Plan.FLEXIBLE, 5, at("2026-10-15T10:00:00Z"), null)));
        // 10-25: B (ended 10-20) suspended, C reminded (11-01 − 7 = 10-25), D no longer a trial.
        Accepted tick = tick(converted.state(), "2026-10-25");
        assertThat(tick.outcomes()).containsExactly(new CustomerSuspended("B", "ba-B", day("2026-10-20")),
                new TrialEndingReminder("C", "ba-C", day("2026-11-01")));
        assertThat(tick(tick.state(), "2026-11-01").outcomes())
                .containsExactly(new CustomerSuspended("C", "ba-C", day("2026-11-01")));
    }

    @Test
    void aCancelledTrialEndsWithoutSuspension() {
        Accepted cancelled = accepted(MigrationDecider.cancelTrial(migrated(), "C", at("2026-10-05")));
        assertThat(cancelled.outcomes()).containsExactly(new TrialCancelled("C", "ba-C"));
        assertThat(tick(cancelled.state(), "2026-11-01").outcomes()).extracting(o -> ((CustomerSuspended) o).orderId())
                .containsExactlyInAnyOrder("B", "D");
    }

    @Test
    void conversionsAreRefusedForUnknownEndedOrUnmigratedTrials() {
        MigrationState state = migrated();
        // B5: B ended on 10-20; A is an Annual plan, not a trial.
        assertThat(refused(MigrationDecider.convertTrial(state, "B", Plan.ANNUAL, 10, at("2026-10-20"))).reasons())
                .containsExactly(RefusalReason.TRIAL_ENDED);
        assertThat(refused(MigrationDecider.convertTrial(state, "A", Plan.ANNUAL, 10, at("2026-10-05"))).reasons())
                .containsExactly(RefusalReason.UNKNOWN_TRIAL);
        MigrationState converted = accepted(MigrationDecider.convertTrial(state, "D", Plan.ANNUAL, 10,
                at("2026-10-05"))).state();
        assertThat(refused(MigrationDecider.convertTrial(converted, "D", Plan.ANNUAL, 10, at("2026-10-06")))
                .reasons()).containsExactly(RefusalReason.UNKNOWN_TRIAL);
        assertThat(refused(MigrationDecider.convertTrial(state, "D", Plan.ANNUAL, 0, at("2026-10-05"))).reasons())
                .containsExactly(RefusalReason.NOT_POSITIVE);
        assertThat(refused(MigrationDecider.convertTrial(null, "D", Plan.ANNUAL, 1, at("2026-10-05"))).reasons())
                .containsExactly(RefusalReason.NOT_MIGRATED);
        assertThat(refused(MigrationDecider.dueTrials(null, SETTINGS, at("2026-10-05"))).reasons())
                .containsExactly(RefusalReason.NOT_MIGRATED);
    }
}
