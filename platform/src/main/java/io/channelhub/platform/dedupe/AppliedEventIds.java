package io.channelhub.platform.dedupe;

import io.channelhub.platform.streams.TimeOrderedKey;
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
 * <p>Only the first has a changelog: the second is an index of it (each id's time is its value there), kept in
 * RocksDB alone and rebuilt from the first whenever a task starts without it (a new instance, a restore, a wiped
 * task directory). A command then costs the broker one dedupe record, not two (D-125). The index says it is whole
 * with a marker written after a rebuild, and is lost only with its task directory, marker and all.
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
    /** In the time index, before every time key: present once the index holds every id of the first store. */
    private static final String INDEX_WHOLE = "\u0000whole";

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

    /** The two store builders to add to a topology and connect to the processor that uses {@code name}. */
    public static StoreBuilder<?>[] storeBuilders(String name) {
        return new StoreBuilder<?>[] {
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name + "-applied-ids"), Serdes.String(),
                        Serdes.Long()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name + "-applied-ids-by-time"),
                        Serdes.String(), Serdes.String()).withLoggingDisabled()
        };
    }

    /** The task's applied ids; rebuilds the time index first if the task has none (call from the processor's init). */
    public static AppliedEventIds from(ProcessorContext<?, ?> context, String name) {
        AppliedEventIds applied = new AppliedEventIds(context.getStateStore(name + "-applied-ids"),
                context.getStateStore(name + "-applied-ids-by-time"));
        applied.indexIfLost();
        return applied;
    }

    private void indexIfLost() {
        if (byTime.get(INDEX_WHOLE) != null) {
            return;
        }
        try (KeyValueIterator<String, Long> all = byId.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                if (!entry.key.equals(FORGOTTEN_BEFORE)) {
                    byTime.put(timeKey(entry.value, entry.key), entry.key);
                }
            }
        }
        byTime.put(INDEX_WHOLE, "whole");
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
