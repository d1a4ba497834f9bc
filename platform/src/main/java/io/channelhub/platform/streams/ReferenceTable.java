package io.channelhub.platform.streams;

import io.channelhub.platform.directory.PartyIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Reference data every partition needs (the directory: ISVs, resellers, billing accounts), as a global store of
 * the latest event per key. A topic cannot feed both a global store and a DLT-routing source, and a global
 * store's update path cannot write to a DLT inside the Streams transaction; so the raw topic goes through
 * {@link DecodeOrDeadLetter} like any other, valid events are copied to the service's own compacted table
 * topic, and the global store is built from that. Valid means decodable and, for the directory, within its rules
 * ({@link PartyIds}).
 */
public final class ReferenceTable {
    private ReferenceTable() {
    }

    /** The service's validated copy of a reference topic. */
    public static String tableTopic(String serviceName, String sourceTopic) {
        return serviceName + "." + sourceTopic + ".table";
    }

    /**
     * Adds the copy path and the global store {@code storeName}; read it with {@code context.getStateStore}. An
     * event the reference data's rules refuse ({@link #rules}) goes to the source topic's DLT instead of the copy,
     * with the reason in its headers, and is counted as a refusal.
     */
    public static void addGlobalStore(Topology topology, String serviceName, String sourceTopic, String storeName,
            MeterRegistry registry) {
        String table = tableTopic(serviceName, sourceTopic);
        String copy = "copy-" + sourceTopic;
        String tableSink = "sink-" + table;
        String refusedSink = "refused-" + sourceTopic;
        String decode = DecodeOrDeadLetter.addSource(topology, sourceTopic, copy, registry);
        if (Topics.DIRECTORY_EVENTS.equals(sourceTopic)) {
            PartyIds.knownRefusals(serviceName).bindTo(registry);
        }
        topology.addProcessor(copy, () -> new Admit(storeName, rules(sourceTopic), tableSink, refusedSink,
                serviceName, registry), decode);
        topology.addSink(tableSink, table, new StringSerializer(), new EventSerde(), copy);
        topology.addSink(refusedSink, Topics.dlt(sourceTopic), new StringSerializer(), new EventSerde(), copy);
        addGlobalStoreOfOwnTopic(topology, table, storeName);
    }

    /**
     * A global store of the latest event per key of a topic the service writes itself: nothing to validate, so no
     * copy; every instance reads every key locally.
     */
    public static void addGlobalStoreOfOwnTopic(Topology topology, String topic, String storeName) {
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), Serdes.String(),
                        new EventSerde()).withLoggingDisabled(),
                "source-" + topic, new StringDeserializer(), new EventSerde(), topic, "update-" + storeName,
                () -> new StoreUpdater(storeName));
    }

    /** What a reference topic's events must satisfy against the data admitted so far: the reason, or empty. */
    interface Rules {
        Optional<String> refusal(SpecificRecord event, ReadOnlyKeyValueStore<String, SpecificRecord> admitted);
    }

    /** The directory's ids are unique across kinds of party (issue 18); other reference data has no such rule. */
    static Rules rules(String sourceTopic) {
        return Topics.DIRECTORY_EVENTS.equals(sourceTopic) ? PartyIds::refusal : (event, admitted) -> Optional.empty();
    }

    /**
     * Forwards decoded events unchanged to the table sink, or a refused one to the DLT. The rules read the global
     * store, which follows the copy a moment later: two conflicting events published within that moment can both
     * be admitted (D-62).
     */
    private static final class Admit implements Processor<String, SpecificRecord, String, SpecificRecord> {
        private final String storeName;
        private final Rules rules;
        private final String tableSink;
        private final String refusedSink;
        private final String serviceName;
        private final MeterRegistry registry;
        private ProcessorContext<String, SpecificRecord> context;
        private ReadOnlyKeyValueStore<String, SpecificRecord> admitted;

        Admit(String storeName, Rules rules, String tableSink, String refusedSink, String serviceName,
                MeterRegistry registry) {
            this.storeName = storeName;
            this.rules = rules;
            this.tableSink = tableSink;
            this.refusedSink = refusedSink;
            this.serviceName = serviceName;
            this.registry = registry;
        }

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
            this.admitted = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            if (record.key() == null) {
                return;
            }
            Optional<String> refusal = rules.refusal(record.value(), admitted);
            if (refusal.isEmpty()) {
                context.forward(record, tableSink);
                return;
            }
            String type = record.value().getClass().getSimpleName();
            String reason = refusal.get().split(":", 2)[0];
            registry.counter(MetricNames.REFUSALS, "service", serviceName, "type", type, "reason", reason).increment();
            RecordMetadata origin = context.recordMetadata().orElseThrow();
            Headers headers = DeadLetters.describe(record.headers(), origin.topic(), origin.partition(),
                    origin.offset(), reason, refusal.get());
            context.forward(record.withHeaders(headers), refusedSink);
        }
    }

    /** Keeps the latest event per key. */
    private static final class StoreUpdater implements Processor<String, SpecificRecord, Void, Void> {
        private final String storeName;
        private KeyValueStore<String, SpecificRecord> store;

        StoreUpdater(String storeName) {
            this.storeName = storeName;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(storeName);
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            store.put(record.key(), record.value());
        }
    }
}
