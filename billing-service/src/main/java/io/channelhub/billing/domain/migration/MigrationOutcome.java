package io.channelhub.billing.domain.migration;

import java.time.LocalDate;
import java.util.Objects;

/** What happened, for the topology to publish and act on. */
public sealed interface MigrationOutcome {

    /** B5: the reseller migrated; start {@link Migration#annualPlans()}, issue {@link Migration#totalCredit()}. */
    record Migrated(Migration migration) implements MigrationOutcome {
        public Migrated {
            Objects.requireNonNull(migration, "migration");
        }
    }

    /** A trial became a postpaid plan: start it. */
    record TrialConverted(String orderId, PostpaidPlanStart plan) implements MigrationOutcome {
    }

    /** The reseller cancelled a trial: its service ends, without a suspension. */
    record TrialCancelled(String orderId, String billingAccountId) implements MigrationOutcome {
    }

    /** For the "your trial ends on ..." e-mail; {@code end} is the first day without service. */
    record TrialEndingReminder(String orderId, String billingAccountId, LocalDate end) implements MigrationOutcome {
    }

    /** B5: a trial not converted by its end suspends the customer. */
    record CustomerSuspended(String orderId, String billingAccountId, LocalDate trialEnd) implements MigrationOutcome {
    }
}
