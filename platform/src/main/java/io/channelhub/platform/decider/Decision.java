package io.channelhub.platform.decider;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * What a command or a deadline leads to, for every decider: the events to publish, in order, and the aggregate's
 * state afterwards ({@code null}: unchanged). A refusal is a decision too: its event, and no new state.
 */
public record Decision<S>(List<SpecificRecord> events, S state) {

    public Decision {
        events = List.copyOf(events);
    }

    public static <S> Decision<S> nothing() {
        return new Decision<>(List.of(), null);
    }

    @SafeVarargs
    public static <S> Decision<S> of(S state, SpecificRecord... events) {
        return new Decision<>(List.of(events), state);
    }

    /** An event and no change: a refusal, or a notice. */
    public static <S> Decision<S> only(SpecificRecord event) {
        return new Decision<>(List.of(event), null);
    }

    /** The state after this decision, {@code before} if it left the state unchanged. */
    public S stateOr(S before) {
        return state != null ? state : before;
    }

    /** This decision followed by {@code next}, taken on this one's state: both sets of events, the last state. */
    public Decision<S> then(Decision<S> next) {
        List<SpecificRecord> all = new ArrayList<>(events);
        all.addAll(next.events());
        return new Decision<>(all, next.state() != null ? next.state() : state);
    }
}
