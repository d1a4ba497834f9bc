package io.channelhub.platform.testing;

import io.channelhub.platform.decider.Decider;
import io.channelhub.platform.decider.Decision;
import io.channelhub.platform.event.ClockTicked;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Given / when / then for any {@link Decider}, one aggregate at a time, exactly as the platform's host runs it: a
 * command has what was due at its time happen first, then is decided; a tick fires the deadline if one is due.
 * Given a decider, its facts and a state (or the commands that led to it); when a command or a tick; then the
 * events it returns and the {@link #state()} it leaves, asserted by the test.
 */
public final class DeciderScenario<S, F> {

    private final Decider<S, F> decider;
    private final F facts;
    private S state;

    private DeciderScenario(Decider<S, F> decider, F facts, S state) {
        this.decider = decider;
        this.facts = facts;
        this.state = state;
    }

    /** A new aggregate: no state yet. */
    public static <S, F> DeciderScenario<S, F> given(Decider<S, F> decider, F facts) {
        return new DeciderScenario<>(decider, facts, null);
    }

    /** The aggregate as it is. */
    public DeciderScenario<S, F> givenState(S state) {
        this.state = state;
        return this;
    }

    /** The commands that made the aggregate what it is; what they emitted is not this test's concern. */
    public DeciderScenario<S, F> givenHistory(SpecificRecord... history) {
        for (SpecificRecord command : history) {
            when(command);
        }
        return this;
    }

    /** The events one command, or one tick, leads to; the state moves on. */
    public List<SpecificRecord> when(SpecificRecord command) {
        if (command instanceof ClockTicked tick) {
            boolean due = decider.nextDeadline(state).filter(at -> !at.isAfter(tick.getAt())).isPresent();
            return due ? apply(decider.deadlines(state, facts, tick.getMeta(), tick.getAt())) : List.of();
        }
        if (!decider.accepts(command)) {
            throw new IllegalArgumentException(command.getClass().getSimpleName() + " is not a command of "
                    + decider.getClass().getSimpleName() + ": the host would count it as unsupported");
        }
        return apply(decider.handle(command, state, facts));
    }

    /** The events of several commands in turn. */
    public List<SpecificRecord> when(SpecificRecord... commands) {
        List<SpecificRecord> events = new ArrayList<>();
        for (SpecificRecord command : commands) {
            events.addAll(when(command));
        }
        return events;
    }

    public S state() {
        return state;
    }

    private List<SpecificRecord> apply(Decision<S> decision) {
        state = decision.stateOr(state);
        return decision.events();
    }
}
