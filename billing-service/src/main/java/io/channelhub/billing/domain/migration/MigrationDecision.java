package io.channelhub.billing.domain.migration;

import java.util.List;
import java.util.Objects;

/** The outcome of a migration command: the new state and what happened, or the reasons it was refused. */
public sealed interface MigrationDecision {

    record Accepted(MigrationState state, List<MigrationOutcome> outcomes) implements MigrationDecision {
        public Accepted {
            Objects.requireNonNull(state, "state");
            outcomes = List.copyOf(outcomes);
        }
    }

    /** @param detail for people: the figures behind the reasons */
    record Refused(List<RefusalReason> reasons, String detail) implements MigrationDecision {
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("A refusal needs a reason");
            }
            Objects.requireNonNull(detail, "detail");
        }
    }
}
