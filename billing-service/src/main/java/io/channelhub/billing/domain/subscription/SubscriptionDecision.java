package io.channelhub.billing.domain.subscription;

import java.util.List;
import java.util.Objects;

/** The outcome of a subscription command: the new state, or the reasons it was refused. */
public sealed interface SubscriptionDecision {

    record Accepted(Subscription state) implements SubscriptionDecision {
        public Accepted {
            Objects.requireNonNull(state, "state");
        }
    }

    /** @param detail for people: the figures behind the reasons, e.g. "9 users would exceed the cap of 8" */
    record Refused(List<RefusalReason> reasons, String detail) implements SubscriptionDecision {
        public Refused {
            reasons = List.copyOf(reasons);
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("A refusal needs a reason");
            }
            Objects.requireNonNull(detail, "detail");
        }
    }
}
