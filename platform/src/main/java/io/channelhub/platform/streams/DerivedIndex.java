package io.channelhub.platform.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * A store of a task whose every entry follows from other stores of the same task, ones with changelogs: an index.
 * It has no changelog of its own, so writing it costs the broker nothing; it lives in RocksDB alone and is rebuilt
 * from what it indexes whenever a task starts without it in step (D-125, D-127).
 *
 * <p>In step means: the index on this disk was last written by the task that wrote the indexed stores last. Each
 * task start draws a new generation and writes it to the index's marker and to a small store with a changelog (one
 * record per start, nothing per command). A task that starts on an index without the marker (a new instance, a
 * task directory exactly-once wiped after a crash) or with another generation than the logged one (the task ran
 * elsewhere meanwhile, and came back to an old directory or a standby's) rebuilds it first.
 */
public final class DerivedIndex {

    /** The marker's key: no entry has it (entries are keyed by ids, names and times, none with control characters). */
    private static final String WHOLE = "\u0000whole";
    private static final String GENERATION = "generation";
    private static final int CLEARED_AT_ONCE = 10_000;

    private DerivedIndex() {
    }

    /** The index's store (strings to strings, without a changelog) and its generation's (with one). */
    public static List<StoreBuilder<?>> storeBuilders(String name) {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String())
                        .withLoggingDisabled(),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(generationStore(name)), Serdes.String(),
                        Serdes.String()));
    }

    /**
     * The index {@code name}, in step: if it is not, what it holds is dropped and every entry {@code entries} hands
     * to the consumer it is given is put. Call from the processor's init, where the logged stores are restored.
     */
    public static KeyValueStore<String, String> from(ProcessorContext<?, ?> context, String name,
            Consumer<BiConsumer<String, String>> entries) {
        KeyValueStore<String, String> index = context.getStateStore(name);
        KeyValueStore<String, String> generations = context.getStateStore(generationStore(name));
        String logged = generations.get(GENERATION);
        String marked = index.get(WHOLE);
        if (marked == null || !marked.equals(logged)) {
            clear(index);
            entries.accept(index::put);
        }
        String generation = UUID.randomUUID().toString();
        index.put(WHOLE, generation);
        generations.put(GENERATION, generation);
        return index;
    }

    /**
     * Deletes every entry, a bounded number of keys at a time: the first start after an upgrade finds an applied
     * ids' index as large as the ids, and holding all its keys at once would grow the heap with it.
     */
    private static void clear(KeyValueStore<String, String> index) {
        String after = null;
        while (true) {
            List<String> keys = new ArrayList<>();
            // from the last key deleted on: the range starts past it, and past the tombstones before it
            try (KeyValueIterator<String, String> next = after == null ? index.all() : index.range(after, null)) {
                while (keys.size() < CLEARED_AT_ONCE && next.hasNext()) {
                    keys.add(next.next().key);
                }
            }
            keys.forEach(key -> index.put(key, null)); // blind: delete() reads first
            if (keys.size() < CLEARED_AT_ONCE) {
                return;
            }
            after = keys.get(keys.size() - 1);
        }
    }

    private static String generationStore(String name) {
        return name + "-generation";
    }
}
