package io.channelhub.notification.stream;

import static io.channelhub.notification.TestEvents.details;
import static io.channelhub.notification.TestEvents.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.notification.TestEvents;
import io.channelhub.notification.domain.EmailPlanner;
import io.channelhub.notification.domain.TransferEmails;
import io.channelhub.notification.email.EmailRenderer;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferConsentRecorded;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox topology: planned e-mails, rendered, once per Message-ID (N1, N2, X2). */
class NotificationTopologyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> transferEvents;
    private TestOutputTopic<String, SpecificRecord> outbox;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "notification-topology-test");
        driver = new TopologyTestDriver(NotificationTopology.build(registry, TestEvents.PLANNER, new EmailRenderer()),
                props);
        transferEvents = driver.createInputTopic(Topics.TRANSFERS_EVENTS, new StringSerializer(), new EventSerde());
        outbox = driver.createOutputTopic(Topics.NOTIFICATIONS_OUTBOX, new StringDeserializer(), new EventSerde());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    // T4, N2: one rendered e-mail per party, keyed by its Message-ID
    @Test
    void oneRenderedEmailPerPartyKeyedByMessageId() {
        transferEvents.pipeInput("E-1", TestEvents.opened("ev-1", "E-1"));

        List<TestRecord<String, SpecificRecord>> records = outbox.readRecordsToList();
        assertThat(records).hasSize(4);
        assertThat(records).allSatisfy(r -> {
            EmailRequested email = (EmailRequested) r.value();
            assertThat(r.key()).isEqualTo(email.getMessageId());
            assertThat(email.getTemplate()).isEqualTo(TransferEmails.CONSENT_REQUEST);
            assertThat(email.getSubject()).isEqualTo("Your consent is needed to transfer entitlement E-1");
            assertThat(email.getTextBody()).contains("Entitlement:           E-1", "/approvals/");
            assertThat(email.getHtmlBody()).contains("<td>E-1</td>", "/approvals/");
        });
        assertThat(records).extracting(r -> ((EmailRequested) r.value()).getToAddress()).containsExactly(
                "it@acme.example", "partners@vendor.example", "sales@old.example", "sales@new.example");
    }

    // T6: the outcome events beyond the request flow through as well; consent bookkeeping sends nothing
    @Test
    void completionRequestsEveryConfirmationAndBookkeepingNothing() {
        transferEvents.pipeInput("E-1", new TransferConsentRecorded(meta("ev-2"), "T-E-1", "E-1", PartyRole.ISV,
                "ISV-1", ConsentDecision.APPROVE, List.of(PartyRole.CUSTOMER)));
        transferEvents.pipeInput("E-1", new TransferCompleted(meta("ev-3"), details("E-1")));

        List<EmailRequested> emails = outbox.readValuesToList().stream().map(EmailRequested.class::cast).toList();
        assertThat(emails).extracting(EmailRequested::getTemplate).containsExactly(TransferEmails.COMPLETED,
                TransferEmails.COMPLETED, TransferEmails.COMPLETED, TransferEmails.COMPLETED, TransferEmails.COMPLETED_ISV);
        assertThat(registry.get(MetricNames.name("emails", "requested")).tag("template", TransferEmails.COMPLETED)
                .counter().count()).isEqualTo(4.0);
        assertThat(registry.get(MetricNames.name("emails", "requested")).tag("template", TransferEmails.COMPLETED_ISV)
                .counter().count()).isEqualTo(1.0);
    }

    // N1, X2: a redelivered or replayed event sends nothing new
    @Test
    void replayingTheSameEventRequestsNoSecondEmail() {
        transferEvents.pipeInput("E-1", TestEvents.opened("ev-1", "E-1"));
        transferEvents.pipeInput("E-1", TestEvents.opened("ev-1", "E-1"));
        transferEvents.pipeInput("E-2", TestEvents.opened("ev-2", "E-2"));

        assertThat(outbox.readValuesToList()).hasSize(8);
        assertThat(registry.get(MetricNames.DUPLICATES).tag("topic", Topics.NOTIFICATIONS_OUTBOX).counter().count())
                .isEqualTo(4.0);
    }
}
