package io.channelhub.transfer.web;

import io.channelhub.platform.streams.StreamsRunner;
import io.channelhub.transfer.state.TransferState;
import io.channelhub.transfer.stream.TransferTopology;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Interactive queries over the transfer stores (T9). Each instance of the service holds the stores of the
 * partitions it processes; Streams' metadata says which instance (by its {@code application.server}) holds a key.
 * Answers here or points at the instance to ask; never reads Kafka topics.
 */
@Component
class TransferLocator {

    /** Where an entitlement's transfer lives right now. */
    sealed interface Location permits Here, Elsewhere {
    }

    /** On this instance; {@code state} is null when the entitlement never had a transfer. */
    record Here(String entitlementId, TransferState state) implements Location {
    }

    record Elsewhere(HostInfo host) implements Location {
    }

    private static final StringSerializer KEYS = new StringSerializer();

    private final StreamsRunner runner;
    private final HostInfo self;

    TransferLocator(StreamsRunner runner,
            @Value("${spring.kafka.streams.properties.application.server:}") String applicationServer) {
        this.runner = runner;
        // unset: Streams reports every instance as "unavailable", which then matches this one
        this.self = applicationServer.isBlank() ? HostInfo.unavailable()
                : HostInfo.buildFromEndpoint(applicationServer);
    }

    HostInfo self() {
        return self;
    }

    /**
     * The entitlement's transfer, here, or the instance that holds it. {@code forwarded}: the request was sent
     * here by another instance; answer from the local store whatever the metadata says, so two instances with
     * different views of a rebalance never send a request back and forth.
     */
    Location locate(String entitlementId, boolean forwarded) {
        KafkaStreams streams = running();
        try {
            KeyQueryMetadata metadata = streams.queryMetadataForKey(TransferTopology.TRANSFERS_STORE, entitlementId,
                    KEYS);
            if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
                throw notQueryable();
            }
            if (!forwarded && !metadata.activeHost().equals(self)) {
                return new Elsewhere(metadata.activeHost());
            }
            StoreQueryParameters<ReadOnlyKeyValueStore<String, TransferState>> partition =
                    TransferLocator.<TransferState>query(TransferTopology.TRANSFERS_STORE)
                            .withPartition(metadata.partition());
            ReadOnlyKeyValueStore<String, TransferState> transfers = streams.store(partition);
            return new Here(entitlementId, transfers.get(entitlementId));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // IllegalStateException: Streams left RUNNING between the check and the metadata call
            throw notQueryable();
        }
    }

    /**
     * A transfer by id among the partitions this instance holds. The id index and the transfer it points to are
     * written by the same task, so where one is, the other is too.
     */
    Optional<Here> findLocally(String transferId) {
        KafkaStreams streams = running();
        try {
            ReadOnlyKeyValueStore<String, String> transferIds = streams.store(
                    query(TransferTopology.TRANSFER_IDS_STORE));
            String entitlementId = transferIds.get(transferId);
            if (entitlementId == null) {
                return Optional.empty();
            }
            ReadOnlyKeyValueStore<String, TransferState> transfers = streams.store(
                    query(TransferTopology.TRANSFERS_STORE));
            TransferState state = transfers.get(entitlementId);
            return Optional.of(new Here(entitlementId, state));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw notQueryable();
        }
    }

    /** Every other instance of this Streams application, as they advertise themselves. */
    List<HostInfo> otherInstances() {
        return running().metadataForAllStreamsClients().stream().map(StreamsMetadata::hostInfo)
                .filter(host -> !host.equals(self)).distinct().toList();
    }

    /** A store over every partition this instance holds actively (narrow it with {@code withPartition}). */
    private static <V> StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> query(String store) {
        return StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore());
    }

    // While starting or rebalancing, metadata and stores move; an answer then could be wrong, so there is none.
    private KafkaStreams running() {
        KafkaStreams streams = runner.streams();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            throw notQueryable();
        }
        return streams;
    }

    private ErrorResponseException notQueryable() {
        return Problems.unavailable("NOT_QUERYABLE", "Transfer state is not queryable right now (Kafka Streams is "
                + runner.state() + "); ask again in a few seconds.");
    }
}
