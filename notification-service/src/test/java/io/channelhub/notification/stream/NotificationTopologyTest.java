package io.channelhub.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.notification.TestEvents;
import io.channelhub.notification.email.EmailRenderer;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NotificationTopologyTest {

    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> transferEvents;
    private TestOutputTopic<String, SpecificRecord> outbox;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "notification-topology-test");
        driver = new TopologyTestDriver(NotificationTopology.build(new SimpleMeterRegistry(), new EmailRenderer()),
                props);
        transferEvents = driver.createInputTopic(Topics.TRANSFERS_EVENTS, new StringSerializer(), new EventSerde());
        outbox = driver.createOutputTopic(Topics.NOTIFICATIONS_OUTBOX, new StringDeserializer(), new EventSerde());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void oneRenderedEmailPerPartyKeyedByMessageId() {
        transferEvents.pipeInput("E-1", TestEvents.opened("ev-1", "E-1"));

        var records = outbox.readRecordsToList();
        assertThat(records).hasSize(4);
        assertThat(records).allSatisfy(r -> {
            EmailRequested email = (EmailRequested) r.value();
            assertThat(r.key()).isEqualTo(email.getMessageId());
            assertThat(email.getTextBody()).contains("E-1");
            assertThat(email.getHtmlBody()).contains("<html");
        });
    }

    // N1, X2: a redelivered or replayed event sends nothing new
    @Test
    void replayingTheSameEventRequestsNoSecondEmail() {
        transferEvents.pipeInput("E-1", TestEvents.opened("ev-1", "E-1"));
        transferEvents.pipeInput("E-1", TestEvents.opened("ev-1", "E-1"));
        transferEvents.pipeInput("E-2", TestEvents.opened("ev-2", "E-2"));

        assertThat(outbox.readValuesToList()).hasSize(8);
    }
}
