package io.channelhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferRequested;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PublishCommandTest {

    private static final String TOPIC = Topics.TRANSFERS_COMMANDS;
    private static final Pattern PUBLISHED = Pattern.compile(
            "topic=(\\S+) partition=(\\d+) offset=(\\d+) type=(\\S+) eventId=(\\S+) key=(\\S+)");

    private static KafkaTestClient kafka;
    private final EventSerde serde = new EventSerde();

    @BeforeAll
    static void topics() {
        kafka = KafkaTestClient.embedded().createTopics();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void publishesAnEventGivenAsAvroJsonKeyedByItsEntitlement() {
        String eventId = UUID.randomUUID().toString();
        String entitlementId = "E-" + UUID.randomUUID();

        Cli.Result result = Cli.runOnBroker("publish", "--topic", TOPIC, "--type", "TransferRequested",
                "--json", AvroJsonSamples.transferRequested(eventId, entitlementId));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.outLines()).hasSize(1);
        Matcher printed = PUBLISHED.matcher(result.outLines().get(0));
        assertThat(printed.matches()).as(result.out()).isTrue();
        assertThat(printed.group(1)).isEqualTo(TOPIC);
        assertThat(printed.group(4)).isEqualTo("TransferRequested");
        assertThat(printed.group(5)).isEqualTo(eventId);
        assertThat(printed.group(6)).isEqualTo(entitlementId);

        ConsumerRecord<String, byte[]> record = single(recordsKeyed(entitlementId));
        assertThat(record.partition()).isEqualTo(Integer.parseInt(printed.group(2)));
        assertThat(record.offset()).isEqualTo(Long.parseLong(printed.group(3)));
        TransferRequested event = (TransferRequested) serde.decode(record.value());
        assertThat(event.getMeta().getEventId()).isEqualTo(eventId);
        assertThat(event.getMeta().getCausationId()).isNull();
        assertThat(event.getMeta().getCorrelationId()).isEqualTo("flow-1");
        assertThat(event.getMeta().getOccurredAt()).isEqualTo(Instant.ofEpochMilli(AvroJsonSamples.OCCURRED_AT));
        assertThat(event.getMeta().getProducer()).isEqualTo("isv-portal");
        assertThat(event.getEntitlementId()).isEqualTo(entitlementId);
        assertThat(event.getCustomerCompanyName()).isEqualTo("Acme GmbH");
        assertThat(event.getOfferId()).isEqualTo("offer-7");
        assertThat(event.getCurrentBillingAccountId()).isEqualTo("BA-1");
        assertThat(event.getTargetBillingAccountId()).isEqualTo("BA-2");
        assertThat(event.getContactName()).isNull();
        assertThat(event.getContactEmail()).isEqualTo("ops@acme.example");
        assertThat(event.getKind()).isEqualTo(TransferKind.CHANGE_BILLING_ACCOUNT);
    }

    @Test
    void publishesEveryLineOfAJsonLinesFileInOrder(@TempDir Path dir) throws IOException {
        String first = "E-" + UUID.randomUUID();
        String second = "E-" + UUID.randomUUID();
        String explicitKey = "K-" + UUID.randomUUID();
        Path file = dir.resolve("events.jsonl");
        Files.write(file, List.of(
                // no "type": --type applies; the line's key wins over the entitlementId
                AvroJsonSamples.line("\"key\": \"" + explicitKey + "\"",
                        AvroJsonSamples.transferRequested("id-1-" + first, first)),
                "",
                // no "key": the entitlementId is the key
                AvroJsonSamples.line("\"type\": \"io.channelhub.transfer.event.TransferRequested\"",
                        AvroJsonSamples.transferRequested("id-2-" + second, second))));

        Cli.Result result = Cli.runOnBroker("publish", "--topic", TOPIC, "--type", "TransferRequested",
                "--file", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).hasSize(2);
        assertThat(result.outLines().get(0)).contains("eventId=id-1-" + first, "key=" + explicitKey);
        assertThat(result.outLines().get(1)).contains("eventId=id-2-" + second, "key=" + second);
        TransferRequested firstEvent = (TransferRequested) serde.decode(single(recordsKeyed(explicitKey)).value());
        TransferRequested secondEvent = (TransferRequested) serde.decode(single(recordsKeyed(second)).value());
        assertThat(firstEvent.getEntitlementId()).isEqualTo(first);
        assertThat(secondEvent.getEntitlementId()).isEqualTo(second);
        assertThat(secondEvent.getMeta().getEventId()).isEqualTo("id-2-" + second);
    }

    @Test
    void newMetaGivesTheEventAFreshIdTimeAndProducer() {
        String entitlementId = "E-" + UUID.randomUUID();
        long before = System.currentTimeMillis();

        Cli.Result result = Cli.runOnBroker("publish", "--topic", TOPIC, "--type", "TransferRequested",
                "--new-meta", "--json", "{" + AvroJsonSamples.transferRequestedBody(entitlementId) + "}");

        assertThat(result.exitCode()).as(result.err()).isZero();
        TransferRequested event = (TransferRequested) serde.decode(single(recordsKeyed(entitlementId)).value());
        assertThat(UUID.fromString(event.getMeta().getEventId())).isNotNull();
        assertThat(result.out()).contains("eventId=" + event.getMeta().getEventId());
        assertThat(event.getMeta().getProducer()).isEqualTo("ops-cli");
        assertThat(event.getMeta().getOccurredAt().toEpochMilli()).isBetween(before, System.currentTimeMillis());
        assertThat(event.getMeta().getCausationId()).isNull();
        assertThat(event.getEntitlementId()).isEqualTo(entitlementId);
    }

    static Stream<Arguments> badInput() {
        String valid = AvroJsonSamples.transferRequested("id-bad", "E-bad");
        return Stream.of(
                Arguments.of(new String[] {"--type", "TransferRequested", "--json", valid}, "Missing required option: '--topic=TOPIC'"),
                Arguments.of(new String[] {"--topic", TOPIC, "--type", "TransferRequested"}, "Missing required argument"),
                Arguments.of(new String[] {"--topic", TOPIC, "--type", "TransferRequested", "--json", valid,
                        "--file", "x.jsonl"}, "mutually exclusive"),
                Arguments.of(new String[] {"--topic", TOPIC, "--type", "Nope", "--json", valid},
                        "--json: unknown event type 'Nope'; known: ClockTicked,"),
                Arguments.of(new String[] {"--topic", TOPIC, "--json", valid}, "--json: no event type: give --type"),
                Arguments.of(new String[] {"--topic", TOPIC, "--type", "TransferRequested", "--json", "{\"meta\": {"},
                        "--json: not valid JSON"),
                Arguments.of(new String[] {"--topic", TOPIC, "--type", "TransferRequested", "--json", "[1]"},
                        "--json: expected a JSON object"),
                Arguments.of(new String[] {"--topic", TOPIC, "--type", "TransferRequested", "--json",
                        "{\"meta\": " + AvroJsonSamples.meta("x") + "}"},
                        "--json: not a complete TransferRequested in Avro JSON: missing field(s) [customerCompanyName,"),
                Arguments.of(new String[] {"--topic", TOPIC, "--type", "TransferRequested", "--json",
                        valid.replace("\"offerId\"", "\"offer\"")},
                        "missing field(s) [offerId] unknown field(s) [offer]"),
                Arguments.of(new String[] {"--topic", TOPIC, "--type", "TransferRequested", "--json",
                        valid.replace("CHANGE_BILLING_ACCOUNT", "SWAP")},
                        "--json: not a valid TransferRequested in Avro JSON:"),
                Arguments.of(new String[] {"--topic", TOPIC, "--type", "ClockTicked", "--new-meta", "--json",
                        "{\"at\": 1}"}, "--json: no key: give --key (ClockTicked has no entitlementId"),
                Arguments.of(new String[] {"--topic", TOPIC, "--file", "does-not-exist.jsonl"},
                        "cannot read does-not-exist.jsonl: no such file"));
    }

    @ParameterizedTest
    @MethodSource("badInput")
    void badInputExitsWith2AndOneLineSayingWhy(String[] args, String message) {
        Cli.Result result = Cli.runOnBroker("publish", args);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("channelhub-ops publish: ").contains(message).doesNotContain("Exception");
    }

    @Test
    void aBadLineStopsTheWholeFileBeforeAnythingIsSent(@TempDir Path dir) throws IOException {
        String good = "E-" + UUID.randomUUID();
        Path file = dir.resolve("events.jsonl");
        Files.write(file, List.of(
                AvroJsonSamples.line("\"type\": \"TransferRequested\"", AvroJsonSamples.transferRequested("g", good)),
                AvroJsonSamples.line("\"type\": \"TransferRequested\", \"kee\": \"typo\"",
                        AvroJsonSamples.transferRequested("b", "E-other"))));

        Cli.Result result = Cli.runOnBroker("publish", "--topic", TOPIC, "--file", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().trim()).isEqualTo("channelhub-ops publish: " + file
                + ":2: unknown field(s) [kee]; a line holds only type, key and event");
        assertThat(recordsKeyed(good)).isEmpty();
    }

    private static List<ConsumerRecord<String, byte[]>> recordsKeyed(String key) {
        return kafka.readAll(TOPIC).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static ConsumerRecord<String, byte[]> single(List<ConsumerRecord<String, byte[]>> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }
}
