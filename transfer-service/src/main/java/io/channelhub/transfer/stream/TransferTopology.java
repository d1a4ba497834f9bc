package io.channelhub.transfer.stream;

import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.dedupe.AppliedEventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.DecodeOrDeadLetter;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.streams.Unsupported;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.domain.Entitlement;
import io.channelhub.transfer.domain.TransferDecider;
import io.channelhub.transfer.event.Problem;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferRequested;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * transfer-service's one topology. Commands and entitlement facts are both keyed by entitlement id, so they meet
 * in one task and one store; the directory is a global table. Every input is decoded (or dead-lettered) first,
 * every command id is applied once, and the decider's events go to transfers.events under the same key.
 */
public final class TransferTopology {

    public static final String SERVICE = "transfer-service";
    public static final String ENTITLEMENTS_STORE = "entitlements";
    public static final String DIRECTORY_STORE = "directory";
    static final String COMMANDS = "transfer-commands";
    static final String FACTS = "entitlement-facts";
    static final String EVENTS_SINK = "transfer-events";

    private TransferTopology() {
    }

    public static Topology build(MeterRegistry registry, Duration dedupeRetention) {
        Topology topology = new Topology();
        ReferenceTable.addGlobalStore(topology, SERVICE, Topics.DIRECTORY_EVENTS, DIRECTORY_STORE, registry);

        String commands = DecodeOrDeadLetter.addSource(topology, Topics.TRANSFERS_COMMANDS, COMMANDS, registry);
        topology.addProcessor(COMMANDS, () -> new CommandProcessor(registry, dedupeRetention), commands);
        String facts = DecodeOrDeadLetter.addSource(topology, Topics.ENTITLEMENTS_EVENTS, FACTS, registry);
        topology.addProcessor(FACTS, () -> new FactProcessor(registry), facts);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ENTITLEMENTS_STORE),
                Serdes.String(), new EventSerde()), COMMANDS, FACTS);
        for (var store : AppliedEventIds.storeBuilders(COMMANDS)) {
            topology.addStateStore(store, COMMANDS);
        }
        topology.addSink(EVENTS_SINK, Topics.TRANSFERS_EVENTS, new StringSerializer(), new EventSerde(), COMMANDS);
        return topology;
    }

    /** Transfer commands and clock ticks: dedupe, decide, emit. */
    private static final class CommandProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {
        private final MeterRegistry registry;
        private final Duration dedupeRetention;
        private ProcessorContext<String, SpecificRecord> context;
        private KeyValueStore<String, SpecificRecord> entitlements;
        private DirectoryView directory;
        private AppliedEventIds applied;

        CommandProcessor(MeterRegistry registry, Duration dedupeRetention) {
            this.registry = registry;
            this.dedupeRetention = dedupeRetention;
        }

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
            entitlements = context.getStateStore(ENTITLEMENTS_STORE);
            directory = new DirectoryView(context.getStateStore(DIRECTORY_STORE));
            applied = AppliedEventIds.from(context, COMMANDS);
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            SpecificRecord command = record.value();
            if (command instanceof ClockTicked tick) {
                applied.forgetBefore(tick.getAt().toEpochMilli() - dedupeRetention.toMillis());
                return;
            }
            if (!applied.firstTime(Events.eventId(command), record.timestamp())) {
                registry.counter(MetricNames.DUPLICATES, "service", SERVICE, "topic", Topics.TRANSFERS_COMMANDS)
                        .increment();
                return;
            }
            if (command instanceof TransferRequested request) {
                emit(record, TransferDecider.decide(request, entitlement(request.getEntitlementId()), directory));
            } else {
                Unsupported.record(registry, SERVICE, Topics.TRANSFERS_COMMANDS, command);
            }
        }

        private Optional<Entitlement> entitlement(String entitlementId) {
            if (entitlementId == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(entitlements.get(entitlementId)).filter(EntitlementActivated.class::isInstance)
                    .map(EntitlementActivated.class::cast).map(e -> new Entitlement(e.getEntitlementId(),
                            e.getOfferId(), e.getIsvId(), e.getBillingAccountId()));
        }

        private void emit(Record<String, SpecificRecord> cause, List<SpecificRecord> events) {
            for (SpecificRecord event : events) {
                String type = event.getClass().getSimpleName();
                registry.counter(MetricNames.OUTCOMES, "service", SERVICE, "type", type).increment();
                if (event instanceof TransferInfoRequested info) {
                    for (Problem problem : info.getProblems()) {
                        registry.counter(MetricNames.REFUSALS, "service", SERVICE, "type", type, "reason",
                                problem.getCode()).increment();
                    }
                }
                context.forward(new Record<>(cause.key(), event, cause.timestamp()), EVENTS_SINK);
            }
        }
    }

    /** Entitlement facts: the latest per entitlement, read by the command processor. */
    private static final class FactProcessor implements Processor<String, SpecificRecord, Void, Void> {
        private final MeterRegistry registry;
        private KeyValueStore<String, SpecificRecord> entitlements;

        FactProcessor(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            entitlements = context.getStateStore(ENTITLEMENTS_STORE);
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            if (record.value() instanceof EntitlementActivated activated) {
                entitlements.put(activated.getEntitlementId(), activated);
            } else {
                Unsupported.record(registry, SERVICE, Topics.ENTITLEMENTS_EVENTS, record.value());
            }
        }
    }
}
