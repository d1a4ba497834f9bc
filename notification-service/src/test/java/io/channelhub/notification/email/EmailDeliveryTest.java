package io.channelhub.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.channelhub.notification.NotificationServiceApplication;
import io.channelhub.notification.TestEvents;
import io.channelhub.notification.event.EmailSent;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.platform.testing.Smtp;
import io.channelhub.schemas.Topics;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** N1, N2 over real parts: the embedded broker, the service's topology and sender, a real SMTP server. */
@SpringBootTest(classes = NotificationServiceApplication.class)
class EmailDeliveryTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = Smtp.server();
    static KafkaTestClient kafka;

    @BeforeAll
    static void topics() {
        kafka = KafkaTestClient.embedded().createTopics();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @Test
    void eachPartyReceivesOneEmailWithItsDerivedMessageIdAndEverySendIsRecorded() throws Exception {
        kafka.send(Topics.TRANSFERS_EVENTS, "E-7", TestEvents.opened("delivery-1", "E-7"));
        kafka.send(Topics.TRANSFERS_EVENTS, "E-7", TestEvents.opened("delivery-1", "E-7")); // redelivered

        List<MimeMessage> received = Smtp.await(SMTP, 4, Duration.ofSeconds(60));
        List<EmailSent> sent = kafka.await(Topics.NOTIFICATIONS_EVENTS, EmailSent.class, e -> true, 4,
                Duration.ofSeconds(30));

        assertThat(received).extracting(m -> m.getAllRecipients()[0].toString()).containsExactlyInAnyOrder(
                "it@acme.example", "partners@vendor.example", "sales@old.example", "sales@new.example");
        assertThat(received).extracting(MimeMessage::getMessageID)
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(EmailSent::getMessageId).toList());
        assertThat(received.get(0).getSubject()).isEqualTo("Your consent is needed: transfer of entitlement E-7");
        assertThat(received.get(0).getContentType()).startsWith("multipart/mixed");

        Thread.sleep(2000); // the redelivered event must not produce a fifth e-mail
        assertThat(SMTP.getReceivedMessages()).hasSize(4);
    }
}
