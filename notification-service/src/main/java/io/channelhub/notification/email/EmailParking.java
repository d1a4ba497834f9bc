package io.channelhub.notification.email;

import io.channelhub.notification.event.EmailParked;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.notification.stream.NotificationTopology;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * N1: an e-mail that failed its last attempt is parked, not lost. The request goes to notifications.parked as it
 * was, under the same key, for an operator to redrive; {@code EmailParked} joins the audit trail; the outbox
 * partition moves on. Called by the container's error handler once the back-off is exhausted.
 */
public class EmailParking implements ConsumerRecordRecoverer {

    private static final Logger log = LoggerFactory.getLogger(EmailParking.class);

    private final KafkaTemplate<String, SpecificRecord> events;
    private final MeterRegistry registry;

    public EmailParking(KafkaTemplate<String, SpecificRecord> events, MeterRegistry registry) {
        this.events = events;
        this.registry = registry;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception failure) {
        EmailRequested email = (EmailRequested) record.value();
        String error = lastError(failure);
        // the e-mail itself first: if the process dies between the two writes, the record is retried and parked
        // again, rather than audited as parked without being on the parked topic
        events.send(Topics.NOTIFICATIONS_PARKED, email.getMessageId(), email).join();
        events.send(Topics.NOTIFICATIONS_EVENTS, email.getMessageId(), EmailParked.newBuilder()
                .setMeta(EventIds.causedBy(email.getMeta(), "EmailParked", 0, NotificationTopology.SERVICE))
                .setMessageId(email.getMessageId())
                .setTemplate(email.getTemplate())
                .setToAddress(email.getToAddress())
                .setAttempts(attempts(record))
                .setError(error)
                .build()).join();
        registry.counter(MetricNames.name("emails", "parked"), "template", email.getTemplate()).increment();
        log.error("E-mail {} ({}) parked on {} after {} attempts: {}", email.getMessageId(), email.getTemplate(),
                Topics.NOTIFICATIONS_PARKED, attempts(record), error);
    }

    /** The SMTP error of the last attempt, as its EmailFailed recorded it; the container wraps it. */
    private static String lastError(Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchListenerFailedException batch && batch.getCause() != null) {
                return String.valueOf(batch.getCause().getMessage());
            }
        }
        return String.valueOf(failure.getMessage());
    }

    /** The sender numbers each attempt in a header on the record; the last one is the total. */
    private static int attempts(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(KafkaHeaders.DELIVERY_ATTEMPT);
        return header == null ? 0 : ByteBuffer.wrap(header.value()).getInt();
    }
}
