package io.channelhub.platform.deadlines;

import io.channelhub.platform.streams.TimeOrderedKey;
import java.time.Instant;
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
 * Which aggregates of a task have a deadline, in time order, so that a clock tick finds the due ones with one
 * range scan instead of reading every aggregate. Keys are {@code <epoch millis, 19 digits>|<aggregate key>}.
 * Each aggregate keeps at most its next deadline here: the processor cancels the old one when it schedules anew.
 */
public final class DeadlineIndex {

    private final KeyValueStore<String, String> store;

    private DeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    public static StoreBuilder<KeyValueStore<String, String>> storeBuilder(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String());
    }

    public static DeadlineIndex from(ProcessorContext<?, ?> context, String name) {
        return new DeadlineIndex(context.getStateStore(name));
    }

    public void schedule(String key, Instant at) {
        store.put(indexKey(at.toEpochMilli(), key), key);
    }

    public void cancel(String key, Instant at) {
        store.put(indexKey(at.toEpochMilli(), key), null); // blind: delete() reads first
    }

    /** The keys whose deadline is at or before {@code now}, oldest first, removed from the index. */
    public List<String> takeDue(Instant now) {
        return takeDue(now, Integer.MAX_VALUE);
    }

    /** At most {@code limit} of the keys due by {@code now}, oldest first, removed; the rest stay due. */
    public List<String> takeDue(Instant now, int limit) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = store.range(indexKey(0, ""), indexKey(now.toEpochMilli(), "\uffff"))) {
            while (due.size() < limit && it.hasNext()) {
                due.add(it.next());
            }
        }
        due.forEach(entry -> store.put(entry.key, null));
        return due.stream().map(entry -> entry.value).toList();
    }

    private static String indexKey(long at, String key) {
        return TimeOrderedKey.of(at, key);
    }
}
