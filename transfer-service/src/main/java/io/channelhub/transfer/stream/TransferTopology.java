package io.channelhub.transfer.stream;

import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.platform.decider.DeciderHost;
import io.channelhub.platform.streams.DecodeOrDeadLetter;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.schemas.serde.StateSerde;
import io.channelhub.transfer.domain.TransferDecider;
import io.channelhub.transfer.state.TransferState;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * transfer-service's one topology. Commands and entitlement facts are both keyed by entitlement id, so they meet
 * in one task and its stores; the directory is a global table. Every input is decoded (or dead-lettered) first;
 * outcomes go to transfers.events, entitlement moves to entitlements.events, both under the entitlement key.
 */
public final class TransferTopology {

    public static final String SERVICE = "transfer-service";
    /** entitlementId -> the entitlement's latest transfer ({@link TransferState}). */
    public static final String TRANSFERS_STORE = "transfers";
    /** transferId -> entitlementId, for queries by transfer id. */
    public static final String TRANSFER_IDS_STORE = "transfer-ids";
    /** open transfers by their next deadline (T8). */
    public static final String DEADLINES_STORE = "transfer-deadlines";
    public static final String ENTITLEMENTS_STORE = "entitlements";
    public static final String DIRECTORY_STORE = "directory";
    static final String COMMANDS = "transfer-commands";
    static final String FACTS = "entitlement-facts";
    static final String EVENTS_SINK = "transfer-events";
    static final String MOVES_SINK = "entitlement-moves";

    private TransferTopology() {
    }

    public static StateSerde<TransferState> stateSerde() {
        return new StateSerde<>(TransferState.class, TransferState.getClassSchema());
    }

    public static Topology build(TransferDecider decider, TransferMetrics metrics, MeterRegistry registry,
            Duration dedupeRetention) {
        Topology topology = new Topology();
        ReferenceTable.addGlobalStore(topology, SERVICE, Topics.DIRECTORY_EVENTS, DIRECTORY_STORE, registry);

        String commands = DecodeOrDeadLetter.addSource(topology, Topics.TRANSFERS_COMMANDS, COMMANDS, registry);
        DeciderHost.of(SERVICE, Topics.TRANSFERS_COMMANDS, decider)
                .stores(TRANSFERS_STORE, DEADLINES_STORE)
                .facts(context -> new StoreFacts(context.getStateStore(DIRECTORY_STORE),
                        context.getStateStore(ENTITLEMENTS_STORE)))
                .sink(event -> event instanceof EntitlementMoved ? MOVES_SINK : EVENTS_SINK)
                .outcomes((event, before, after, now) -> metrics.record(event, before, now))
                .stored(context -> {
                    KeyValueStore<String, String> ids = context.getStateStore(TRANSFER_IDS_STORE);
                    // written once per transfer, not again with each of its consents (a lookup costs less than a
                    // write and its changelog record)
                    return (entitlementId, transfer) -> ids.putIfAbsent(transfer.getTransferId(), entitlementId);
                })
                .metrics(registry, dedupeRetention)
                .addTo(topology, COMMANDS, commands);
        String facts = DecodeOrDeadLetter.addSource(topology, Topics.ENTITLEMENTS_EVENTS, FACTS, registry);
        topology.addProcessor(FACTS, () -> new EntitlementFactProcessor(registry), facts);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENTITLEMENTS_STORE),
                Serdes.String(), new EventSerde()), COMMANDS, FACTS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRANSFERS_STORE),
                Serdes.String(), stateSerde()), COMMANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRANSFER_IDS_STORE),
                Serdes.String(), Serdes.String()), COMMANDS);
        topology.addSink(EVENTS_SINK, Topics.TRANSFERS_EVENTS, new StringSerializer(), new EventSerde(), COMMANDS);
        topology.addSink(MOVES_SINK, Topics.ENTITLEMENTS_EVENTS, new StringSerializer(), new EventSerde(), COMMANDS);
        return topology;
    }
}
