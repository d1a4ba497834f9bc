package io.channelhub.platform.dedupe;

import io.channelhub.platform.streams.DerivedIndex;
import io.channelhub.platform.streams.TimeOrderedKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Remembers which input event ids a processor has applied, so a redelivered or replayed event changes nothing.
 * Bounded: ids older than the retention (in event time) are forgotten on {@link #forgetBefore}, and from then on
 * an event from before that point is {@link Seen#BEYOND_WINDOW}: it may have been applied and forgotten, so it is
 * not applied again (a replay of a months-old request that was refused then must not be accepted now). Two
 * stores: by id for the lookup, by time for the cheap range delete; the forgetting point lives in the first.
 *
 * <p>Only the first has a changelog: the second is a {@link DerivedIndex} of it (each id's time is its value
 * there), rebuilt from the first whenever a task starts without it in step. A command then costs the broker one dedupe
 * record, not two (D-125).
 */
public final class AppliedEventIds {

    /** What {@link #see} found. */
    public enum Seen {
        /** Never seen: apply it (now recorded). */
        FIRST,
        /** Applied before: ignore it. */
        REPEAT,
        /** From before the forgotten past: whether it was applied is no longer known, so it is not applied. */
        BEYOND_WINDOW
    }

    /** A key no event id can have (ids are UUIDs or names without control characters). */
    private static final String FORGOTTEN_BEFORE = "\u0000forgotten-before";

    private final KeyValueStore<String, Long> byId;
    private final KeyValueStore<String, String> byTime;
    /**
     * The forgetting point as last read or written, so a command costs one lookup, not two. Only this task's
     * processor writes it, and a task that is re-initialised (after an abort, a restore) gets a new instance.
     */
    private Long forgottenBefore;
    private boolean forgottenBeforeRead;

    private AppliedEventIds(KeyValueStore<String, Long> byId, KeyValueStore<String, String> byTime) {
        this.byId = byId;
        this.byTime = byTime;
    }

    /** The store builders to add to a topology and connect to the processor that uses {@code name}. */
    public static List<StoreBuilder<?>> storeBuilders(String name) {
        List<StoreBuilder<?>> builders = new ArrayList<>();
        builders.add(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name + "-applied-ids"),
                Serdes.String(), Serdes.Long()));
        builders.addAll(DerivedIndex.storeBuilders(name + "-applied-ids-by-time"));
        return builders;
    }

    /** The task's applied ids; rebuilds the time index first if it is not in step (call from the processor's init). */
    public static AppliedEventIds from(ProcessorContext<?, ?> context, String name) {
        KeyValueStore<String, Long> byId = context.getStateStore(name + "-applied-ids");
        return new AppliedEventIds(byId, DerivedIndex.from(context, name + "-applied-ids-by-time", put -> {
            try (KeyValueIterator<String, Long> all = byId.all()) {
                all.forEachRemaining(entry -> {
                    if (!entry.key.equals(FORGOTTEN_BEFORE)) {
                        put.accept(timeKey(entry.value, entry.key), entry.key);
                    }
                });
            }
        }));
    }

    /** Records the id the first time; {@code eventTime}: the event's own time (epoch millis), which replays keep. */
    public Seen see(String eventId, long eventTime) {
        if (byId.get(eventId) != null) {
            return Seen.REPEAT;
        }
        Long forgottenBefore = forgottenBefore();
        if (forgottenBefore != null && eventTime < forgottenBefore) {
            return Seen.BEYOND_WINDOW;
        }
        byId.put(eventId, eventTime);
        byTime.put(timeKey(eventTime, eventId), eventId);
        return Seen.FIRST;
    }

    /** True the first time an id is seen (and records it). */
    public boolean firstTime(String eventId, long eventTime) {
        return see(eventId, eventTime) == Seen.FIRST;
    }

    /**
     * Forgets at most {@code limit} of the ids applied before {@code cutoff} (epoch millis); returns how many. The
     * forgetting point moves at once: an id of before it that is still kept is a {@link Seen#REPEAT}, one that is
     * gone is {@link Seen#BEYOND_WINDOW}, and neither is applied, so the rest may be forgotten later.
     */
    public int forgetBefore(long cutoff, int limit) {
        Long before = forgottenBefore();
        if (before == null || cutoff > before) {
            byId.put(FORGOTTEN_BEFORE, cutoff);
            forgottenBefore = cutoff;
        }
        int forgotten = 0;
        if (limit == 0) { // only the point moves (a step with deadlines left, D-121): no range to open
            return forgotten;
        }
        try (KeyValueIterator<String, String> old = byTime.range(timeKey(0, ""), timeKey(Math.max(0, cutoff), ""))) {
            while (forgotten < limit && old.hasNext()) {
                KeyValue<String, String> entry = old.next();
                // a blind delete: delete() reads the old value first, a random read per id (D-121)
                byId.put(entry.value, null);
                byTime.put(entry.key, null);
                forgotten++;
            }
        }
        return forgotten;
    }

    private Long forgottenBefore() {
        if (!forgottenBeforeRead) {
            forgottenBefore = byId.get(FORGOTTEN_BEFORE);
            forgottenBeforeRead = true;
        }
        return forgottenBefore;
    }

    private static String timeKey(long at, String eventId) {
        return TimeOrderedKey.of(at, eventId);
    }

}
