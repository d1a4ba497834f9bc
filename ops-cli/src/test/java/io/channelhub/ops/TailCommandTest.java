package io.channelhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.streams.DeadLetters;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferRequested;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TailCommandTest {

    private static final String TOPIC = Topics.TRANSFERS_COMMANDS;
    private static final String DLT = Topics.dlt(TOPIC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaTestClient kafka;

    @BeforeAll
    static void topics() {
        kafka = KafkaTestClient.embedded().createTopics();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void printsEachEventAsOneJsonLineWithItsAvroJson() {
        TransferRequested event = transferRequested("E-" + UUID.randomUUID());
        kafka.send(TOPIC, event.getEntitlementId(), event);

        JsonNode line = single(tail(TOPIC), event.getEntitlementId());

        assertThat(line.get("topic").asText()).isEqualTo(TOPIC);
        assertThat(line.get("partition").asInt()).isBetween(0, 2);
        assertThat(line.get("offset").isIntegralNumber()).isTrue();
        assertThat(line.get("timestamp").asLong()).isPositive();
        assertThat(line.get("type").asText()).isEqualTo("TransferRequested");
        assertThat(line.has("undecodable")).isFalse();
        JsonNode json = line.get("event");
        assertThat(json.at("/meta/eventId").asText()).isEqualTo(event.getMeta().getEventId());
        assertThat(json.at("/meta/occurredAt").asLong()).isEqualTo(event.getMeta().getOccurredAt().toEpochMilli());
        assertThat(json.at("/entitlementId/string").asText()).isEqualTo(event.getEntitlementId());
        assertThat(json.at("/contactName").isNull()).isTrue();
        assertThat(json.at("/kind/io.channelhub.transfer.event.TransferKind").asText()).isEqualTo("CHANGE_RESELLER");
    }

    @Test
    void theEventJsonOfTailIsWhatPublishReads() {
        TransferRequested event = transferRequested("E-" + UUID.randomUUID());
        kafka.send(TOPIC, event.getEntitlementId(), event);
        JsonNode line = single(tail(TOPIC), event.getEntitlementId());
        String copyKey = "copy-" + UUID.randomUUID();

        Cli.Result published = Cli.runOnBroker("publish", "--topic", TOPIC, "--type", line.get("type").asText(),
                "--key", copyKey, "--json", line.get("event").toString());

        assertThat(published.exitCode()).as(published.err()).isZero();
        List<byte[]> copies = kafka.readAll(TOPIC).stream().filter(r -> copyKey.equals(r.key()))
                .map(r -> r.value()).toList();
        assertThat(copies).hasSize(1);
        assertThat(new EventSerde().decode(copies.get(0))).isEqualTo(event);
    }

    @Test
    void deadLettersArePrintedRawWithTheirHeaders() throws Exception {
        String key = "E-" + UUID.randomUUID();
        byte[] garbage = {0x00, (byte) 0xC3, 0x7F, 'x'};
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.HEADER_TOPIC, utf8(TOPIC));
        headers.add(DeadLetters.HEADER_PARTITION, utf8("1"));
        headers.add(DeadLetters.HEADER_OFFSET, utf8("42"));
        headers.add(DeadLetters.HEADER_EXCEPTION, utf8("org.apache.kafka.common.errors.SerializationException"));
        headers.add(DeadLetters.HEADER_MESSAGE, utf8("Not an Avro single-object encoded message"));
        sendWithHeaders(DLT, key, garbage, headers);

        JsonNode line = single(tail(DLT), key);

        assertThat(line.get("topic").asText()).isEqualTo(DLT);
        assertThat(line.get("undecodable").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(line.get("valueBase64").asText())).isEqualTo(garbage);
        assertThat(line.has("event")).isFalse();
        assertThat(line.has("type")).isFalse();
        assertThat(JSON.convertValue(line.get("headers"), Map.class)).isEqualTo(Map.of(
                "channelhub.dlt.topic", TOPIC,
                "channelhub.dlt.partition", "1",
                "channelhub.dlt.offset", "42",
                "channelhub.dlt.exception", "org.apache.kafka.common.errors.SerializationException",
                "channelhub.dlt.message", "Not an Avro single-object encoded message"));
    }

    @Test
    void aRecordThatDoesNotDecodeIsPrintedRawWithTheReason() {
        String key = "E-" + UUID.randomUUID();
        kafka.sendRaw(TOPIC, key, utf8("not avro"));

        JsonNode line = single(tail(TOPIC), key);

        assertThat(line.get("undecodable").asBoolean()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(line.get("valueBase64").asText()), StandardCharsets.UTF_8))
                .isEqualTo("not avro");
        assertThat(line.get("error").asText()).contains("Neither the Confluent wire format");
        assertThat(line.get("headers").isEmpty()).isTrue();
    }

    @Test
    void stopsAfterMaxRecords() {
        kafka.send(TOPIC, "E-max-1", transferRequested("E-max-1"));
        kafka.send(TOPIC, "E-max-2", transferRequested("E-max-2"));

        Cli.Result result = Cli.runOnBroker("tail", "--topic", TOPIC, "--max", "1", "--timeout-ms", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).hasSize(1);
    }

    @Test
    void withoutFromBeginningOnlyRecordsArrivingAfterTheStartArePrinted() throws Exception {
        String run = UUID.randomUUID().toString();
        kafka.send(TOPIC, "old-" + run, transferRequested("old-" + run));

        CompletableFuture<Cli.Result> tail = CompletableFuture.supplyAsync(() -> Cli.runOnBroker("tail",
                "--topic", TOPIC, "--no-from-beginning", "--max", "1", "--timeout-ms", "15000"));
        // keep writing until the tail has seen one: it cannot tell us when it has found the end of the topic
        for (int i = 0; !tail.isDone() && i < 100; i++) {
            kafka.send(TOPIC, "new-" + run, transferRequested("new-" + run));
            Thread.sleep(200);
        }
        Cli.Result result = tail.get(20, TimeUnit.SECONDS);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).singleElement().satisfies(line ->
                assertThat(parse(line).get("key").asText()).isEqualTo("new-" + run));
    }

    @Test
    void anUnknownTopicIsAUsageError() {
        Cli.Result result = Cli.runOnBroker("tail", "--topic", "no.such.topic");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().trim()).isEqualTo("channelhub-ops tail: topic 'no.such.topic' does not exist");
    }

    @Test
    void aMaxBelowOneIsAUsageError() {
        Cli.Result result = Cli.runOnBroker("tail", "--topic", TOPIC, "--max", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().trim()).isEqualTo("channelhub-ops tail: --max must be at least 1 (see --help)");
    }

    /** Every line of the topic now; other tests write to it too, so callers pick theirs by key. */
    private static List<JsonNode> tail(String topic) {
        Cli.Result result = Cli.runOnBroker("tail", "--topic", topic, "--timeout-ms", "1500");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.outLines().stream().map(TailCommandTest::parse).toList();
    }

    private static JsonNode single(List<JsonNode> lines, String key) {
        List<JsonNode> keyed = lines.stream().filter(l -> key.equals(l.get("key").asText())).toList();
        assertThat(keyed).hasSize(1);
        return keyed.get(0);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TransferRequested transferRequested(String entitlementId) {
        return TransferRequested.newBuilder()
                .setMeta(EventMeta.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(Instant.ofEpochMilli(System.currentTimeMillis())).setProducer("test").build())
                .setEntitlementId(entitlementId).setCustomerCompanyName("Acme GmbH").setContactEmail("ops@acme.example")
                .setKind(TransferKind.CHANGE_RESELLER).build();
    }

    private static void sendWithHeaders(String topic, String key, byte[] value, RecordHeaders headers)
            throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClient.brokers()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
