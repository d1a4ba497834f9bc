package io.channelhub.platform.decider;

import java.util.function.BiConsumer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Where a {@link DeciderHost} keeps its decider's aggregates. By default one value per aggregate in one store; an
 * aggregate whose parts are read by key elsewhere (a payer's invoices, by the invoice endpoints) keeps each part in
 * its own store and loads what a decision needs. Either way the host's processor is the stores' only writer.
 *
 * @param <S> the aggregate's state
 */
public interface AggregateStore<S> {

    /** The aggregate as kept, {@code null} before its first command. */
    S load(String id);

    /** Keeps {@code after}, the state a decision left, in place of {@code before}. */
    void save(String id, S before, S after);

    /** Every aggregate kept, with its id: what the host derives from them, rebuilt (D-127). */
    void forEach(BiConsumer<String, S> each);

    /** One value per aggregate, in {@code store}. */
    static <S> AggregateStore<S> of(KeyValueStore<String, S> store) {
        return new AggregateStore<>() {
            @Override
            public S load(String id) {
                return store.get(id);
            }

            @Override
            public void save(String id, S before, S after) {
                store.put(id, after);
            }

            @Override
            public void forEach(BiConsumer<String, S> each) {
                try (KeyValueIterator<String, S> all = store.all()) {
                    all.forEachRemaining(entry -> each.accept(entry.key, entry.value));
                }
            }
        };
    }
}
