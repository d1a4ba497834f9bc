package io.channelhub.platform.web;

import io.channelhub.platform.streams.StreamsRunner;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.web.ErrorResponseException;

/**
 * Interactive queries over a service's stores. Each instance holds the stores of the partitions it processes;
 * Streams' metadata says which instance (by its {@code application.server}) holds a key. Answers here or points
 * at the instance to ask; never reads Kafka topics. While Streams starts or rebalances, stores move and an answer
 * could be wrong, so there is none: a 503 asks the caller to come back.
 */
public class StoreLocator {

    /** Where a key's value lives right now. */
    public sealed interface Location<V> permits Here, Elsewhere {
    }

    /** On this instance; {@code value} is null when the key has none. */
    public record Here<V>(String key, V value) implements Location<V> {
    }

    public record Elsewhere<V>(HostInfo host) implements Location<V> {
    }

    private static final StringSerializer KEYS = new StringSerializer();

    private final StreamsRunner runner;
    private final HostInfo self;
    private final String service;

    /** {@code applicationServer} unset: Streams reports every instance as "unavailable", which then matches this one. */
    public StoreLocator(StreamsRunner runner, String applicationServer, String service) {
        this.runner = runner;
        this.self = applicationServer.isBlank() ? HostInfo.unavailable()
                : HostInfo.buildFromEndpoint(applicationServer);
        this.service = service;
    }

    public HostInfo self() {
        return self;
    }

    /**
     * The key's value, here, or the instance that holds it. {@code forwarded}: the request was sent here by
     * another instance; answer from the local store whatever the metadata says, so two instances with different
     * views of a rebalance never send a request back and forth.
     */
    public <V> Location<V> locate(String store, String key, boolean forwarded) {
        return locate(store, key, key, forwarded);
    }

    /**
     * As {@link #locate(String, String, boolean)} for a store whose keys extend the record key its partition is
     * chosen by ({@code <payerId>|<month>} in a store of records keyed by payer): the partition follows
     * {@code partitionKey}, the value is read at {@code key}.
     */
    public <V> Location<V> locate(String store, String partitionKey, String key, boolean forwarded) {
        KafkaStreams streams = running();
        try {
            KeyQueryMetadata metadata = streams.queryMetadataForKey(store, partitionKey, KEYS);
            if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
                throw notQueryable();
            }
            if (!forwarded && !metadata.activeHost().equals(self)) {
                return new Elsewhere<>(metadata.activeHost());
            }
            ReadOnlyKeyValueStore<String, V> values = streams.store(StoreLocator.<V>query(store)
                    .withPartition(metadata.partition()));
            return new Here<>(key, values.get(key));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // IllegalStateException: Streams left RUNNING between the check and the metadata call
            throw notQueryable();
        }
    }

    /** A store over every partition this instance holds actively. */
    public <V> ReadOnlyKeyValueStore<String, V> local(String store) {
        try {
            return running().store(query(store));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw notQueryable();
        }
    }

    /** Every other instance of this Streams application, as they advertise themselves. */
    public List<HostInfo> otherInstances() {
        return running().metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self)).distinct().toList();
    }

    private static <V> StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> query(String store) {
        return StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore());
    }

    private KafkaStreams running() {
        KafkaStreams streams = runner.streams();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            throw notQueryable();
        }
        return streams;
    }

    private ErrorResponseException notQueryable() {
        return Problems.unavailable("NOT_QUERYABLE", "The state of " + service + " is not queryable right now "
                + "(Kafka Streams is " + runner.state() + "); ask again in a few seconds.");
    }
}
