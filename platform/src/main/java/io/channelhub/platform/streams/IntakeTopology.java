package io.channelhub.platform.streams;

import io.channelhub.platform.event.ClockTicked;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The topology of a service whose rules are not built yet (discount, billing): it already owns its input topics,
 * so undecodable records reach their DLT and every other event is counted and logged as unsupported, rather
 * than piling up unread. Replaced by the service's own topology when its rules land.
 */
public final class IntakeTopology {
    private IntakeTopology() {
    }

    public static Topology build(String service, List<String> topics, MeterRegistry registry) {
        Topology topology = new Topology();
        String intake = "intake";
        String[] parents = topics.stream().map(t -> DecodeOrDeadLetter.addSource(topology, t, intake, registry))
                .toArray(String[]::new);
        topology.addProcessor(intake, () -> new Intake(service, registry), parents);
        return topology;
    }

    private static final class Intake implements Processor<String, SpecificRecord, Void, Void> {
        private final String service;
        private final MeterRegistry registry;
        private ProcessorContext<Void, Void> context;

        Intake(String service, MeterRegistry registry) {
            this.service = service;
            this.registry = registry;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            if (!(record.value() instanceof ClockTicked)) {
                String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("?");
                Unsupported.record(registry, service, topic, record.value());
            }
        }
    }
}
