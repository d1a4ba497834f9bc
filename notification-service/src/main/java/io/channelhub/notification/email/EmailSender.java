package io.channelhub.notification.email;

import io.channelhub.notification.event.EmailFailed;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.notification.event.EmailSent;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.channelhub.notification.stream.NotificationTopology;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.messaging.handler.annotation.Header;

/**
 * Delivers each outbox record over SMTP with its derived Message-ID and records the result on
 * notifications.events (N2). A failure is published and rethrown: the container's back-off retries the same
 * record, so nothing is lost while SMTP is down, and after the last attempt {@link EmailParking} parks it (N1).
 * Offsets are committed per record, so a restart resends at most the one message in flight when the process
 * died, and with the same Message-ID.
 */
public class EmailSender {

    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final JavaMailSender mail;
    private final KafkaTemplate<String, SpecificRecord> events;
    private final MeterRegistry registry;
    private final String from;

    public EmailSender(JavaMailSender mail, KafkaTemplate<String, SpecificRecord> events, MeterRegistry registry,
            String from) {
        this.mail = mail;
        this.events = events;
        this.registry = registry;
        this.from = from;
    }

    @KafkaListener(topics = Topics.NOTIFICATIONS_OUTBOX, containerFactory = NotificationConfig.OUTBOX_FACTORY)
    public void deliver(EmailRequested email, @Header(KafkaHeaders.DELIVERY_ATTEMPT) int attempt) {
        try {
            mail.send(toMime(email));
        } catch (MailException | MessagingException e) {
            DeliveryFailed failure = new DeliveryFailed(e);
            registry.counter(MetricNames.name("emails", "failed"), "template", email.getTemplate()).increment();
            publish(email.getMessageId(), EmailFailed.newBuilder()
                    .setMeta(EventIds.causedBy(email.getMeta(), "EmailFailed", attempt, NotificationTopology.SERVICE))
                    .setMessageId(email.getMessageId())
                    .setTemplate(email.getTemplate())
                    .setToAddress(email.getToAddress())
                    .setAttempt(attempt)
                    .setError(failure.getMessage())
                    .build());
            log.warn("E-mail {} attempt {} failed: {}", email.getMessageId(), attempt, failure.getMessage());
            throw failure;
        }
        registry.counter(MetricNames.name("emails", "sent"), "template", email.getTemplate()).increment();
        publish(email.getMessageId(), EmailSent.newBuilder()
                .setMeta(EventIds.causedBy(email.getMeta(), "EmailSent", 0, NotificationTopology.SERVICE))
                .setMessageId(email.getMessageId())
                .setTemplate(email.getTemplate())
                .setToAddress(email.getToAddress())
                .setAttempts(attempt)
                .build());
    }

    private MimeMessage toMime(EmailRequested email) throws MessagingException {
        MimeMessage message = new FixedIdMimeMessage(mail.createMimeMessage().getSession(), email.getMessageId());
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(email.getToAddress());
        helper.setSubject(email.getSubject());
        helper.setText(email.getTextBody(), email.getHtmlBody());
        return message;
    }

    private void publish(String key, SpecificRecord event) {
        events.send(Topics.NOTIFICATIONS_EVENTS, key, event).join();
    }

    /** One failed attempt. Its message is the error EmailFailed records, so parking can record the same one. */
    static final class DeliveryFailed extends RuntimeException {
        DeliveryFailed(Exception cause) {
            super(String.valueOf(cause.getMessage()), cause);
        }
    }

    /** JavaMail assigns a random Message-ID on save; ours must stay the one derived from the causing event. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
