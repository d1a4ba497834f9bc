package io.channelhub.platform.streams;

import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Reference data every partition needs (the directory: ISVs, resellers, billing accounts), as a global store of
 * the latest event per key. A topic cannot feed both a global store and a DLT-routing source, and a global
 * store's update path cannot write to a DLT inside the Streams transaction; so the raw topic goes through
 * {@link DecodeOrDeadLetter} like any other, valid events are copied to the service's own compacted table
 * topic, and the global store is built from that.
 */
public final class ReferenceTable {
    private ReferenceTable() {
    }

    /** The service's validated copy of a reference topic. */
    public static String tableTopic(String serviceName, String sourceTopic) {
        return serviceName + "." + sourceTopic + ".table";
    }

    /** Adds the copy path and the global store {@code storeName}; read it with {@code context.getStateStore}. */
    public static void addGlobalStore(Topology topology, String serviceName, String sourceTopic, String storeName,
            MeterRegistry registry) {
        String table = tableTopic(serviceName, sourceTopic);
        String copy = "copy-" + sourceTopic;
        String decode = DecodeOrDeadLetter.addSource(topology, sourceTopic, copy, registry);
        topology.addProcessor(copy, PassThrough::new, decode);
        topology.addSink("sink-" + table, table, new StringSerializer(), new EventSerde(), copy);
        topology.addGlobalStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName), Serdes.String(),
                        new EventSerde()).withLoggingDisabled(),
                "source-" + table, new StringDeserializer(), new EventSerde(), table, "update-" + storeName,
                () -> new StoreUpdater(storeName));
    }

    /** Forwards decoded events unchanged to the table sink. */
    private static final class PassThrough implements Processor<String, SpecificRecord, String, SpecificRecord> {
        private ProcessorContext<String, SpecificRecord> context;

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            if (record.key() != null) {
                context.forward(record);
            }
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
