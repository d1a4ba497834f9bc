package io.channelhub.platform.deadlines;

import io.channelhub.platform.streams.DerivedIndex;
import io.channelhub.platform.streams.TimeOrderedKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Which aggregates of a task have a deadline, in time order, so that a clock tick finds the due ones with one
 * range scan instead of reading every aggregate. Keys are {@code <epoch millis, 19 digits>|<aggregate key>}.
 * Each aggregate keeps at most its next deadline here: the processor cancels the old one when it schedules anew.
 *
 * <p>Every entry follows from an aggregate the processor keeps in a store with a changelog, so the index is a
 * {@link DerivedIndex}: no changelog, rebuilt from the aggregates when a task starts without it in step. A
 * command that moves a deadline costs the broker no write for it (D-127). The marker that the index is whole
 * sorts before every time key, so no range of due keys meets it.
 */
public final class DeadlineIndex {

    private static final String FIRST = indexKey(0, "");

    private final KeyValueStore<String, String> store;

    private DeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** The stores to add to a topology and connect to the processor that keeps the index {@code name}. */
    public static List<StoreBuilder<?>> storeBuilders(String name) {
        return DerivedIndex.storeBuilders(name);
    }

    /**
     * The task's index; if it is not in step with the aggregates, first rebuilt from {@code everyDeadline}, which
     * hands each aggregate's next deadline to the consumer it is given (call from the processor's init).
     */
    public static DeadlineIndex from(ProcessorContext<?, ?> context, String name,
            Consumer<BiConsumer<String, Instant>> everyDeadline) {
        return new DeadlineIndex(DerivedIndex.from(context, name, put -> everyDeadline.accept((key, at) ->
                put.accept(indexKey(at.toEpochMilli(), key), key))));
    }

    /** How many aggregates have a deadline in {@code store}, an index as queried from outside its processor. */
    public static long scheduled(ReadOnlyKeyValueStore<String, String> store) {
        long scheduled = 0;
        try (KeyValueIterator<String, String> all = store.range(FIRST, null)) {
            for (; all.hasNext(); all.next()) {
                scheduled++;
            }
        }
        return scheduled;
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
        try (KeyValueIterator<String, String> it = store.range(FIRST, indexKey(now.toEpochMilli(), "\uffff"))) {
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
