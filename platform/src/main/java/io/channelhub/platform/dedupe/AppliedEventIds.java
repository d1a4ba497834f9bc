package io.channelhub.platform.dedupe;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Remembers which input event ids a processor has applied, so a redelivered or replayed event changes nothing.
 * Bounded: ids older than the retention (in event time) are forgotten on {@link #forgetBefore}; a replay older
 * than that is caught by the aggregate's own state (a completed transfer does not reopen). Two stores: by id
 * for the lookup, by time for the cheap range delete.
 */
public final class AppliedEventIds {

    private final KeyValueStore<String, Long> byId;
    private final KeyValueStore<String, String> byTime;

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
                        Serdes.String(), Serdes.String())
        };
    }

    public static AppliedEventIds from(ProcessorContext<?, ?> context, String name) {
        return new AppliedEventIds(context.getStateStore(name + "-applied-ids"),
                context.getStateStore(name + "-applied-ids-by-time"));
    }

    /** True the first time an id is seen (and records it); false for a repeat. */
    public boolean firstTime(String eventId, long eventTime) {
        if (byId.get(eventId) != null) {
            return false;
        }
        byId.put(eventId, eventTime);
        byTime.put(timeKey(eventTime, eventId), eventId);
        return true;
    }

    /** Forgets ids applied before {@code cutoff} (epoch millis); returns how many. */
    public int forgetBefore(long cutoff) {
        int forgotten = 0;
        try (KeyValueIterator<String, String> old = byTime.range(timeKey(0, ""), timeKey(Math.max(0, cutoff), ""))) {
            while (old.hasNext()) {
                KeyValue<String, String> entry = old.next();
                byId.delete(entry.value);
                byTime.delete(entry.key);
                forgotten++;
            }
        }
        return forgotten;
    }

    private static String timeKey(long at, String eventId) {
        return String.format("%019d|%s", at, eventId);
    }

}
