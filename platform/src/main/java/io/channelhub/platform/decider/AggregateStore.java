package io.channelhub.platform.decider;

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
        };
    }
}
