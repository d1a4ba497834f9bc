package io.channelhub.notification.stream;

import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.common.event.EventMeta;
import io.channelhub.documents.Assigned;
import io.channelhub.notification.domain.EmailLane;
import io.channelhub.notification.domain.EmailPlanner;
import io.channelhub.notification.domain.PlannedEmail;
import io.channelhub.notification.email.EmailRenderer;
import io.channelhub.notification.event.Attachment;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.platform.dedupe.AppliedEventIds;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.DecodeOrDeadLetter;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * notification-service's one topology: outcome events in, one rendered {@link EmailRequested} per Message-ID out
 * to notifications.outbox, or to notifications.bulk-outbox for a period's documents ({@link EmailLane}). The Message-ID store makes redelivery and replay send nothing new (N1, X2); the SMTP
 * side effect happens after the transaction, in {@code EmailSender}, so an aborted transaction never sends.
 * An event whose e-mails attach an invoice waits for the invoice's {@link DocumentNumbered} (D-102): both are on
 * billing.events keyed by the payer, so they meet in one task.
 */
public final class NotificationTopology {

    public static final String SERVICE = "notification-service";
    static final String PLANNER = "plan-emails";
    static final String OUTBOX_SINK = "outbox";
    static final String BULK_OUTBOX_SINK = "bulk-outbox";
    /** documentId -> its DocumentNumbered, kept: an order's invoice is attached again when the order is released. */
    static final String NUMBERS_STORE = "document-numbers";
    /** {@code <documentId>|<eventId>} -> an event whose e-mails wait for that document's number. */
    static final String AWAITING_STORE = "awaiting-document-number";
    /** Outcome topics whose events promise e-mails. */
    static final List<String> INPUTS = List.of(Topics.TRANSFERS_EVENTS, Topics.DISCOUNTS_EVENTS,
            Topics.BILLING_EVENTS, Topics.RESELLERS_EVENTS);

    private NotificationTopology() {
    }

    public static Topology build(MeterRegistry registry, EmailPlanner planner, EmailRenderer renderer) {
        return build(registry, planner, renderer, INPUTS);
    }

    /** The same topology reading other copies of the outcome topics (the benchmark feeds its own). */
    public static Topology build(MeterRegistry registry, EmailPlanner planner, EmailRenderer renderer,
            List<String> inputs) {
        Topology topology = new Topology();
        String[] parents = inputs.stream()
                .map(topic -> DecodeOrDeadLetter.addSource(topology, topic, PLANNER, registry))
                .toArray(String[]::new);
        topology.addProcessor(PLANNER, () -> new Planner(registry, planner, renderer), parents);
        for (var store : AppliedEventIds.storeBuilders(PLANNER)) {
            topology.addStateStore(store, PLANNER);
        }
        for (String store : List.of(NUMBERS_STORE, AWAITING_STORE)) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store),
                    Serdes.String(), new EventSerde()), PLANNER);
        }
        topology.addSink(OUTBOX_SINK, Topics.NOTIFICATIONS_OUTBOX, new StringSerializer(), new EventSerde(), PLANNER);
        topology.addSink(BULK_OUTBOX_SINK, Topics.NOTIFICATIONS_BULK_OUTBOX, new StringSerializer(), new EventSerde(),
                PLANNER);
        return topology;
    }

    private static final class Planner implements Processor<String, SpecificRecord, String, SpecificRecord> {
        private final MeterRegistry registry;
        private final EmailPlanner planner;
        private final EmailRenderer renderer;
        private ProcessorContext<String, SpecificRecord> context;
        private AppliedEventIds requested;
        private KeyValueStore<String, SpecificRecord> numbers;
        private KeyValueStore<String, SpecificRecord> awaiting;

        Planner(MeterRegistry registry, EmailPlanner planner, EmailRenderer renderer) {
            this.registry = registry;
            this.planner = planner;
            this.renderer = renderer;
        }

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
            requested = AppliedEventIds.from(context, PLANNER);
            numbers = context.getStateStore(NUMBERS_STORE);
            awaiting = context.getStateStore(AWAITING_STORE);
        }

        /**
         * Replay-safe both ways (N2): a replayed issuing event is planned again under the same Message-IDs, which
         * {@link #requested} drops; a replayed number finds nothing waiting any more.
         */
        @Override
        public void process(Record<String, SpecificRecord> record) {
            SpecificRecord event = record.value();
            if (event instanceof DocumentNumbered numbered) {
                numbers.put(numbered.getDocumentId(), numbered);
                List<KeyValue<String, SpecificRecord>> waiting = new ArrayList<>();
                try (KeyValueIterator<String, SpecificRecord> found = awaiting.prefixScan(
                        numbered.getDocumentId() + "|", new StringSerializer())) {
                    found.forEachRemaining(waiting::add);
                }
                for (KeyValue<String, SpecificRecord> issuing : waiting) {
                    awaiting.delete(issuing.key);
                    request(issuing.value, record.timestamp(), Assigned.numbered(numbered));
                }
                return;
            }
            String documentId = EmailPlanner.awaitedDocument(event).orElse(null);
            if (documentId == null) {
                request(event, record.timestamp(), null);
            } else if (numbers.get(documentId) instanceof DocumentNumbered numbered) {
                request(event, record.timestamp(), Assigned.numbered(numbered));
            } else {
                awaiting.put(documentId + "|" + Events.eventId(event), event);
            }
        }

        private void request(SpecificRecord event, long timestamp, Assigned document) {
            EventMeta cause = Events.meta(event);
            List<PlannedEmail> emails = planner.plan(event, Instant.ofEpochMilli(timestamp), document);
            for (int i = 0; i < emails.size(); i++) {
                PlannedEmail email = emails.get(i);
                if (!requested.firstTime(email.messageId(), timestamp)) {
                    registry.counter(MetricNames.DUPLICATES, "service", SERVICE, "topic", Topics.NOTIFICATIONS_OUTBOX)
                            .increment();
                    continue;
                }
                EmailRenderer.Rendered body = renderer.render(email);
                EmailRequested requestedEmail = EmailRequested.newBuilder()
                        .setMeta(EventIds.causedBy(cause, "EmailRequested", i, SERVICE))
                        .setMessageId(email.messageId())
                        .setTemplate(email.template())
                        .setToAddress(email.toAddress())
                        .setToName(email.toName())
                        .setSubject(email.subject())
                        .setTextBody(body.text())
                        .setHtmlBody(body.html())
                        .setAttachments(email.attachments().stream().map(a -> new Attachment(a.filename(),
                                a.contentType(), java.nio.ByteBuffer.wrap(a.content()))).toList())
                        .build();
                context.forward(new Record<>(email.messageId(), requestedEmail, timestamp),
                        EmailLane.of(email.template()) == EmailLane.BULK ? BULK_OUTBOX_SINK : OUTBOX_SINK);
                registry.counter(MetricNames.name("emails", "requested"), "template", email.template()).increment();
            }
        }
    }
}
