package io.channelhub.notification.email;

import io.channelhub.notification.event.EmailFailed;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.notification.event.EmailSent;
import io.channelhub.notification.stream.NotificationTopology;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeliveryAttemptAware;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.TopicPartitionOffset;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Delivers both outboxes over SMTP, each on senders of its own (D-94), with each e-mail's derived Message-ID, and
 * records every result on notifications.events (N2).
 *
 * <p>Once (N1): the e-mails accepted by SMTP are confirmed in windows and at the end of each batch: their
 * {@code EmailSent} records acknowledged by the broker, then the last one's outbox offset committed. A sender killed
 * mid-send sends again at most {@code confirmEvery} e-mails. Confirming each e-mail before the next one (D-55) cost
 * two broker round trips per e-mail, most of a sender's time (docs/benchmarks.md); a window's acknowledgments arrive
 * while the next window's e-mails go out (docs/decisions.md, D-104), over the connection the sender thread keeps from
 * batch to batch (D-118).
 *
 * <p>Failure: a permanent failure (malformed address, SMTP 5xx) parks the e-mail at once through
 * {@link EmailParking} and the partition moves on. A connection failure stops the batch: its {@code EmailFailed}
 * is published and the error handler retries from that e-mail with back-off (in order: every e-mail waits for the
 * same server), parking it after the last attempt.
 */
public class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final JavaMailSenderImpl mail;
    private final SmtpConnections connections;
    private final KafkaTemplate<String, SpecificRecord> events;
    private final DeliveryAttemptAware attempts;
    private final MeterRegistry registry;
    private final String from;
    private final int confirmEvery;

    EmailSender(JavaMailSenderImpl mail, SmtpConnections connections, KafkaTemplate<String, SpecificRecord> events,
            DeliveryAttemptAware attempts, MeterRegistry registry, String from, int confirmEvery) {
        if (confirmEvery < 1) {
            throw new IllegalArgumentException("channelhub.mail.confirm-every must be at least 1, was "
                    + confirmEvery);
        }
        this.confirmEvery = confirmEvery;
        this.mail = mail;
        this.connections = connections;
        this.events = events;
        this.attempts = attempts;
        this.registry = registry;
        this.from = from;
    }

    @KafkaListener(topics = Topics.NOTIFICATIONS_OUTBOX, containerFactory = NotificationConfig.OUTBOX_FACTORY,
            batch = "true")
    @KafkaListener(topics = Topics.NOTIFICATIONS_BULK_OUTBOX,
            containerFactory = NotificationConfig.BULK_OUTBOX_FACTORY, batch = "true")
    public void deliver(List<ConsumerRecord<String, EmailRequested>> batch, Acknowledgment acknowledgment) {
        Transport smtp = null;
        EmailConfirmations confirmations = new EmailConfirmations(acknowledgment, confirmEvery);
        try {
            for (int index = 0; index < batch.size(); index++) {
                ConsumerRecord<String, EmailRequested> record = batch.get(index);
                EmailRequested email = record.value();
                int attempt = attempt(record);
                try {
                    MimeMessage message = toMime(email);
                    if (smtp == null) {
                        smtp = connections.acquire();
                    }
                    smtp.sendMessage(message, message.getAllRecipients());
                } catch (MessagingException | RuntimeException e) {
                    connections.discard(smtp);
                    smtp = null;
                    // the e-mails before this one went out: a retry from this one must not send them again
                    confirmations.confirmAll();
                    failed(email, attempt, e).join();
                    throw new BatchListenerFailedException(String.valueOf(e.getMessage()),
                            DeliveryFailure.of(e) == DeliveryFailure.PERMANENT
                                    ? new DeliveryFailure.PermanentException(e) : e, index);
                }
                registry.counter(MetricNames.name("emails", "sent"), "template", email.getTemplate()).increment();
                confirmations.add(index, publish(email.getMessageId(), EmailSent.newBuilder()
                        .setMeta(EventIds.causedBy(email.getMeta(), "EmailSent", 0, NotificationTopology.SERVICE))
                        .setMessageId(email.getMessageId())
                        .setTemplate(email.getTemplate())
                        .setToAddress(email.getToAddress())
                        .setAttempts(attempt)
                        .build()));
            }
            confirmations.confirmAll();
        } finally {
            if (smtp != null) {
                connections.release(smtp);
            }
        }
    }

    private CompletableFuture<?> failed(EmailRequested email, int attempt, Exception e) {
        registry.counter(MetricNames.name("emails", "failed"), "template", email.getTemplate()).increment();
        log.warn("E-mail {} attempt {} failed: {}", email.getMessageId(), attempt, e.getMessage());
        return publish(email.getMessageId(), EmailFailed.newBuilder()
                .setMeta(EventIds.causedBy(email.getMeta(), "EmailFailed", attempt, NotificationTopology.SERVICE))
                .setMessageId(email.getMessageId())
                .setTemplate(email.getTemplate())
                .setToAddress(email.getToAddress())
                .setAttempt(attempt)
                .setError(String.valueOf(e.getMessage()))
                .build());
    }

    /**
     * This delivery's number, from the error handler's count of the record's failures. Stamped on the record too:
     * a batch listener gets no delivery-attempt header from the container, and parking reads it from there.
     */
    private int attempt(ConsumerRecord<String, EmailRequested> record) {
        int attempt = attempts.deliveryAttempt(new TopicPartitionOffset(
                record.topic(), record.partition(), record.offset()));
        record.headers().remove(KafkaHeaders.DELIVERY_ATTEMPT);
        record.headers().add(KafkaHeaders.DELIVERY_ATTEMPT, ByteBuffer.allocate(4).putInt(attempt).array());
        return attempt;
    }

    private MimeMessage toMime(EmailRequested email) throws MessagingException {
        return MimeEmails.of(mail.getSession(), from, email);
    }

    private CompletableFuture<?> publish(String key, SpecificRecord event) {
        return events.send(Topics.NOTIFICATIONS_EVENTS, key, event);
    }
}
