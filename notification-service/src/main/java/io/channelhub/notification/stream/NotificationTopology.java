package io.channelhub.notification.stream;

import io.channelhub.common.event.EventMeta;
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
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * notification-service's one topology: outcome events in, one rendered {@link EmailRequested} per Message-ID out
 * to notifications.outbox. The Message-ID store makes redelivery and replay send nothing new (N1, X2); the SMTP
 * side effect happens after the transaction, in {@code EmailSender}, so an aborted transaction never sends.
 */
public final class NotificationTopology {

    public static final String SERVICE = "notification-service";
    static final String PLANNER = "plan-emails";
    static final String OUTBOX_SINK = "outbox";
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
        topology.addSink(OUTBOX_SINK, Topics.NOTIFICATIONS_OUTBOX, new StringSerializer(), new EventSerde(), PLANNER);
        return topology;
    }

    private static final class Planner implements Processor<String, SpecificRecord, String, SpecificRecord> {
        private final MeterRegistry registry;
        private final EmailPlanner planner;
        private final EmailRenderer renderer;
        private ProcessorContext<String, SpecificRecord> context;
        private AppliedEventIds requested;

        Planner(MeterRegistry registry, EmailPlanner planner, EmailRenderer renderer) {
            this.registry = registry;
            this.planner = planner;
            this.renderer = renderer;
        }

        @Override
        public void init(ProcessorContext<String, SpecificRecord> context) {
            this.context = context;
            requested = AppliedEventIds.from(context, PLANNER);
        }

        @Override
        public void process(Record<String, SpecificRecord> record) {
            EventMeta cause = Events.meta(record.value());
            List<PlannedEmail> emails = planner.plan(record.value(), Instant.ofEpochMilli(record.timestamp()));
            for (int i = 0; i < emails.size(); i++) {
                PlannedEmail email = emails.get(i);
                if (!requested.firstTime(email.messageId(), record.timestamp())) {
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
                context.forward(new Record<>(email.messageId(), requestedEmail, record.timestamp()), OUTBOX_SINK);
                registry.counter(MetricNames.name("emails", "requested"), "template", email.template()).increment();
            }
        }
    }
}
