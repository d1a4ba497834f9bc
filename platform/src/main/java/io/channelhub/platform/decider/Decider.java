package io.channelhub.platform.decider;

import io.channelhub.common.event.EventMeta;
import io.channelhub.schemas.Events;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The rules of one kind of aggregate, pure: given a command, the aggregate's state and the facts it reads, what
 * happens. State-stored: the host keeps the state a decision returns, not the events that led to it (see
 * docs/architecture.md). Time is always an input (the command's own, or the tick's); ids derive from the cause.
 * {@link DeciderHost} runs every decider the same way; {@code DeciderScenario} (platform test-jar) tests it so.
 *
 * @param <S> the aggregate's state ({@code null} before its first command)
 * @param <F> what the rules read besides the state (directory, reference tables), never written by them
 */
public interface Decider<S, F> {

    /** The commands it decides; anything else on its topic is counted as unsupported. Ticks are the host's. */
    boolean accepts(SpecificRecord command);

    Decision<S> decide(SpecificRecord command, S state, F facts, Instant now);

    /** Whatever is due by {@code now} by itself (reminders, expiry, starts and ends), in time order. */
    Decision<S> deadlines(S state, F facts, EventMeta cause, Instant now);

    /** When the aggregate next has something due by itself, if ever. */
    Optional<Instant> nextDeadline(S state);

    /**
     * Which aggregate a command is for: by default the record's key (the topic is keyed by the aggregate); a
     * decider whose topic is keyed otherwise reads it from the command.
     */
    default String aggregateId(SpecificRecord command, String recordKey) {
        return recordKey;
    }

    /** The reasons of a refusal event this decider emits, for the refusals metric; empty for any other event. */
    List<String> refusalReasons(SpecificRecord event);

    /**
     * One command as the host applies it: what was already due at the command's own time happens first, tick or
     * no tick (a consent after the deadline finds the transfer expired), then the command is decided.
     */
    default Decision<S> handle(SpecificRecord command, S state, F facts) {
        EventMeta cause = Events.meta(command);
        Instant now = cause.getOccurredAt();
        Decision<S> due = deadlines(state, facts, cause, now);
        return due.then(decide(command, due.stateOr(state), facts, now));
    }
}
