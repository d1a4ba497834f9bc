package io.channelhub.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.ChannelHubProperties;
import io.channelhub.platform.event.InputRefused;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.TransferRequested;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * X1 on a real broker with exactly-once: every kind of poison input, interleaved with valid ones on one partition,
 * is answered (refusal) or dead-lettered (original bytes, error), and every valid input behind it is processed.
 */
class PoisonInputTest {

    private static final String OUT = Topics.TRANSFERS_EVENTS;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final KafkaTestClient kafka = KafkaTestClient.embedded().createTopics();
    private final String key = "E-" + UUID.randomUUID();
    private StreamsRunner runner;

    @BeforeEach
    void start() throws Exception {
        Topology topology = new Topology();
        String decode = DecodeOrDeadLetter.addSource(topology, Topics.TRANSFERS_COMMANDS, "decide", registry);
        topology.addProcessor("decide", Echo::new, decode);
        topology.addSink("out", OUT, new StringSerializer(), new EventSerde(), "decide");
        runner = new StreamsRunner(topology, Map.of(
                StreamsConfig.APPLICATION_ID_CONFIG, "poison-" + UUID.randomUUID(),
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("poison").toString(),
                StreamsConfig.REPLICATION_FACTOR_CONFIG, 1),
                registry, "poison-test", new ChannelHubProperties.StreamsSettings(Duration.ofSeconds(3),
                        Duration.ofMillis(500), 3));
        runner.start();
    }

    @AfterEach
    void stop() {
        runner.stop();
        kafka.close();
    }

    @Test
    void everyKindOfPoisonIsAnsweredOrDeadLetteredAndTheInputsBehindItFlow() {
        byte[] garbage = new byte[1_048_400];
        Arrays.fill(garbage, (byte) 'x');
        kafka.send(Topics.TRANSFERS_COMMANDS, key, request("valid-1"));
        kafka.send(Topics.TRANSFERS_COMMANDS, key, request("throws"));
        kafka.send(Topics.TRANSFERS_COMMANDS, key, request("valid-2"));
        kafka.send(Topics.TRANSFERS_COMMANDS, key, request("outcome-too-large"));
        kafka.send(Topics.TRANSFERS_COMMANDS, key, request("valid-3"));
        TransferRequested oversized = request("valid-name");
        oversized.setEntitlementId("e".repeat(900_000));
        kafka.send(Topics.TRANSFERS_COMMANDS, key, oversized);
        kafka.sendRaw(Topics.TRANSFERS_COMMANDS, key, garbage);
        kafka.send(Topics.TRANSFERS_COMMANDS, key, request("valid-4"));

        List<TransferRequested> echoed = kafka.await(OUT, TransferRequested.class,
                e -> key.equals(e.getEntitlementId()), 4, Duration.ofSeconds(60));
        assertThat(echoed).extracting(TransferRequested::getContactName)
                .containsExactly("valid-1", "valid-2", "valid-3", "valid-4");

        InputRefused refused = kafka.await(OUT, InputRefused.class, r -> key.equals(refusedKey(r)), 1,
                Duration.ofSeconds(10)).get(0);
        assertThat(refused.getEventType()).isEqualTo("TransferRequested");
        assertThat(refused.getViolations()).singleElement().satisfies(v -> {
            assertThat(v.getField()).isEqualTo("entitlementId");
            assertThat(v.getLimit()).isEqualTo(128);
            assertThat(v.getActual()).isEqualTo(900_000);
        });

        List<ConsumerRecord<String, byte[]>> dead = kafka.readAll(Topics.dlt(Topics.TRANSFERS_COMMANDS)).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertThat(dead).hasSize(3);
        assertThat(contactName(dead.get(0))).isEqualTo("throws");
        assertThat(header(dead.get(0), DeadLetters.HEADER_MESSAGE)).contains("cannot decide this");
        assertThat(contactName(dead.get(1))).isEqualTo("outcome-too-large");
        assertThat(header(dead.get(1), DeadLetters.HEADER_MESSAGE)).contains("over the record limit");
        assertThat(dead.get(2).value()).isEqualTo(garbage);
        assertThat(header(dead.get(2), DeadLetters.HEADER_TOPIC)).isEqualTo(Topics.TRANSFERS_COMMANDS);

        KafkaTestClient.sleep(4_000);
        assertThat(runner.progress().stalls()).isEmpty();
        assertThat(runner.progress().healthy()).isTrue();
    }

    private String refusedKey(InputRefused refused) {
        return refused.getSourceTopic().equals(Topics.TRANSFERS_COMMANDS) && refused.getInputEventId() != null
                && refused.getInputEventId().startsWith(key) ? key : null;
    }

    private TransferRequested request(String contactName) {
        return TransferRequested.newBuilder()
                .setMeta(EventIds.origin(key + "-" + contactName, Instant.now(), "test"))
                .setEntitlementId(key)
                .setContactName(contactName)
                .build();
    }

    private static String contactName(ConsumerRecord<String, byte[]> record) {
        return ((TransferRequested) new EventSerde().decode(record.value())).getContactName();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    /** Echoes what it is given; fails on "throws"; answers "outcome-too-large" with an outcome over any record size. */
    private static final class Echo extends ContextualProcessor<String, SpecificRecord, String, SpecificRecord> {
        @Override
        public void process(Record<String, SpecificRecord> record) {
            TransferRequested request = (TransferRequested) record.value();
            switch (request.getContactName()) {
                case "throws" -> throw new IllegalStateException("cannot decide this");
                case "outcome-too-large" -> context().forward(record.withValue(TransferRequested.newBuilder(request)
                        .setCustomerCompanyName("c".repeat(2 * 1024 * 1024)).build()));
                default -> context().forward(record);
            }
        }
    }
}
