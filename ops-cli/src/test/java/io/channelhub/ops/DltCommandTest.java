package io.channelhub.ops;

import static io.channelhub.ops.RawKafka.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.streams.DeadLetters;
import io.channelhub.platform.streams.DecodeOrDeadLetter;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DltCommandTest {

    private static final byte[] GARBAGE = {0x00, (byte) 0xC3, 0x7F, 'x'};
    private static final String ERROR = "org.apache.kafka.common.errors.SerializationException";
    private static final String WHY = "Not an Avro single-object encoded message";

    /** A topic and its DLT of this test's own (3 partitions each, as the catalogue's), so counts are exact. */
    private String topic;
    private String dlt;
    private String key;

    @BeforeEach
    void topics() {
        topic = RawKafka.uniqueTopic("dlt-test");
        dlt = Topics.dlt(topic);
        key = "E-" + UUID.randomUUID();
        RawKafka.createTopics(3, topic, dlt);
    }

    /**
     * As {@link DecodeOrDeadLetter} writes one: the original key, value and headers, then the origin and the error.
     * Goes to {@code dlt} partition 2, offset 0.
     */
    private void deadLetterFromPartition1() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("traceparent", utf8("00-trace-1"));
        headers.add(DeadLetters.HEADER_TOPIC, utf8(topic));
        headers.add(DeadLetters.HEADER_PARTITION, utf8("1"));
        headers.add(DeadLetters.HEADER_OFFSET, utf8("42"));
        headers.add(DeadLetters.HEADER_EXCEPTION, utf8(ERROR));
        headers.add(DeadLetters.HEADER_MESSAGE, utf8(WHY));
        RawKafka.send(new ProducerRecord<>(dlt, 2, utf8(key), GARBAGE, headers));
    }

    /** Text, and only the error headers (no origin): goes to {@code dlt} partition 0, offset 0. */
    private void textDeadLetterWithoutOrigin() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.HEADER_EXCEPTION, utf8(ERROR));
        headers.add(DeadLetters.HEADER_MESSAGE, utf8("no C3 01 header\nsecond line"));
        RawKafka.send(new ProducerRecord<>(dlt, 0, utf8(key + "-text"), utf8("not avro"), headers));
    }

    @Test
    void theHeaderNamesAreThePlatforms() {
        assertThat(List.of(DeadLetter.HEADER_TOPIC, DeadLetter.HEADER_PARTITION, DeadLetter.HEADER_OFFSET,
                DeadLetter.HEADER_EXCEPTION, DeadLetter.HEADER_MESSAGE)).containsExactly(
                DeadLetters.HEADER_TOPIC, DeadLetters.HEADER_PARTITION, DeadLetters.HEADER_OFFSET,
                DeadLetters.HEADER_EXCEPTION, DeadLetters.HEADER_MESSAGE);
    }

    @Test
    void listShowsEveryDeadLetterTopicWithItsRecordCount() {
        KafkaTestClient.embedded().createTopics().close();
        deadLetterFromPartition1();
        textDeadLetterWithoutOrigin();

        Cli.Result result = Cli.runOnBroker(List.of("dlt", "list"));

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines().get(0)).matches("DLT +RECORDS {2}NEWEST");
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line).matches(
                Pattern.quote(dlt) + " +2 {2}\\d{4}-\\d\\d-\\d\\dT\\S+Z"));
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line).startsWith(Topics.dlt(Topics.BILLING_EVENTS)
                + " "));
        assertThat(result.outLines()).noneSatisfy(line -> assertThat(line).startsWith(topic + " "));
    }

    @Test
    void listWithATopicShowsItsRecordsWithOriginErrorAndAPreview() {
        deadLetterFromPartition1();
        textDeadLetterWithoutOrigin();

        // the topic itself names its DLT too
        Cli.Result result = Cli.runOnBroker(List.of("dlt", "list"), "--topic", topic);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).hasSize(3);
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line)
                .startsWith("partition=2 offset=0 time=")
                .endsWith(" key=\"" + key + "\" origin=" + topic + ":1:42 exception=SerializationException message=\""
                        + WHY + "\" value=hex:00c37f78 (4 bytes)"));
        assertThat(result.outLines()).anySatisfy(line -> assertThat(line)
                .startsWith("partition=0 offset=0 time=")
                .endsWith(" key=\"" + key + "-text\" origin=" + topic + ":?:? exception=SerializationException "
                        + "message=\"no C3 01 header\\nsecond line\" value=\"not avro\" (8 bytes)"));
        assertThat(result.outLines().get(2)).isEqualTo("2 record(s) in " + dlt);
    }

    @Test
    void showPrintsOneDeadLetterWholeWithAHexDumpOfABinaryValue() {
        deadLetterFromPartition1();

        // one partition holds offset 0: no --partition needed
        Cli.Result result = Cli.runOnBroker(List.of("dlt", "show"), "--topic", dlt, "--offset", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.outLines();
        assertThat(lines.get(0)).isEqualTo("dead letter: " + dlt + ":2:0");
        assertThat(lines.get(1)).matches("timestamp: {3}\\S+Z \\(\\d+\\)");
        assertThat(lines.subList(2, lines.size())).containsExactly(
                "key:         \"" + key + "\"",
                "origin:      " + topic + ":1:42",
                "headers:",
                "  traceparent: 00-trace-1",
                "  channelhub.dlt.topic: " + topic,
                "  channelhub.dlt.partition: 1",
                "  channelhub.dlt.offset: 42",
                "  channelhub.dlt.exception: " + ERROR,
                "  channelhub.dlt.message: " + WHY,
                "value:       4 bytes, not text:",
                "00000000  00 c3 7f 78                                       |...x|");
    }

    @Test
    void showPrintsATextValueAsText() {
        textDeadLetterWithoutOrigin();

        Cli.Result result = Cli.runOnBroker(List.of("dlt", "show"), "--topic", dlt, "--partition", "0",
                "--offset", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("value:       8 bytes, UTF-8 text:" + System.lineSeparator() + "not avro");
    }

    @Test
    void showNeedsThePartitionWhenSeveralHaveTheOffsetAndSaysWhenNoneHas() {
        deadLetterFromPartition1();
        textDeadLetterWithoutOrigin();

        Cli.Result ambiguous = Cli.runOnBroker(List.of("dlt", "show"), "--topic", dlt, "--offset", "0");
        Cli.Result missing = Cli.runOnBroker(List.of("dlt", "show"), "--topic", dlt, "--offset", "5");

        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err().trim()).isEqualTo("channelhub-ops dlt show: partitions [0, 2] of " + dlt
                + " each have a record at offset 0: give --partition");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().trim()).isEqualTo("channelhub-ops dlt show: no record at offset 5 in " + dlt);
    }

    @Test
    void redrivePutsTheOriginalBytesBackOnTheOriginalTopicAndPartitionOnce() {
        deadLetterFromPartition1();
        textDeadLetterWithoutOrigin();

        Cli.Result result = Cli.runOnBroker(List.of("dlt", "redrive"), "--topic", dlt, "--partition", "2",
                "--offset", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).containsExactly(
                "redriven " + dlt + ":2:0 -> " + topic + ":1:0 key=\"" + key + "\"",
                "redriven 1 record(s) from " + dlt + ": 1 to " + topic);
        List<ConsumerRecord<String, byte[]>> redriven = new KafkaTestClient(KafkaTestClient.brokers()).readAll(topic);
        assertThat(redriven).hasSize(1);
        ConsumerRecord<String, byte[]> record = redriven.get(0);
        assertThat(record.key()).isEqualTo(key);
        assertThat(record.value()).isEqualTo(GARBAGE);
        assertThat(record.partition()).isEqualTo(1);
        assertThat(record.headers().toArray()).extracting(Header::key, h -> utf8(h.value())).containsExactly(
                org.assertj.core.groups.Tuple.tuple("traceparent", "00-trace-1"),
                org.assertj.core.groups.Tuple.tuple(DeadLetter.HEADER_REDRIVEN_FROM, dlt + ":2:0"));
    }

    @Test
    void redriveAllSendsEveryDeadLetterToItsTopic() {
        deadLetterFromPartition1();
        textDeadLetterWithoutOrigin();

        Cli.Result result = Cli.runOnBroker(List.of("dlt", "redrive"), "--topic", dlt, "--all");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).hasSize(3);
        assertThat(result.outLines().get(0)).startsWith("redriven " + dlt + ":0:0 -> " + topic + ":");
        // back to partition 1, where it came from; the other one's key may have picked partition 1 too
        assertThat(result.outLines().get(1)).matches("redriven " + Pattern.quote(dlt) + ":2:0 -> "
                + Pattern.quote(topic) + ":1:[01] key=\"" + key + "\"");
        assertThat(result.outLines().get(2)).isEqualTo("redriven 2 record(s) from " + dlt + ": 2 to " + topic);
        List<ConsumerRecord<byte[], byte[]>> redriven = RawKafka.readAll(topic);
        assertThat(redriven).extracting(r -> utf8(r.key())).containsExactlyInAnyOrder(key, key + "-text");
        // the one without origin headers went to the topic its DLT belongs to, with no dead-letter headers left
        assertThat(redriven).filteredOn(r -> utf8(r.key()).endsWith("-text")).singleElement().satisfies(r -> {
            assertThat(utf8(r.value())).isEqualTo("not avro");
            assertThat(r.headers().toArray()).extracting(Header::key)
                    .containsExactly(DeadLetter.HEADER_REDRIVEN_FROM);
        });
    }

    @Test
    void aDryRunSaysWhereEachWouldGoAndPublishesNothing() {
        deadLetterFromPartition1();
        textDeadLetterWithoutOrigin();

        Cli.Result result = Cli.runOnBroker(List.of("dlt", "redrive"), "--topic", dlt, "--all", "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).containsExactly(
                "would redrive " + dlt + ":0:0 -> " + topic + " (partition by key) key=\"" + key + "-text\"",
                "would redrive " + dlt + ":2:0 -> " + topic + " partition 1 key=\"" + key + "\"",
                "dry run: would redrive 2 record(s) from " + dlt + ": 2 to " + topic + "; nothing was published");
        assertThat(RawKafka.readAll(topic)).isEmpty();
    }

    @Test
    void aDeadLetterWhoseTopicIsGoneStopsTheRedriveBeforeAnythingIsSent() {
        deadLetterFromPartition1();
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetters.HEADER_TOPIC, utf8("gone.topic"));
        RawKafka.send(new ProducerRecord<>(dlt, 1, utf8(key), GARBAGE, headers));

        Cli.Result result = Cli.runOnBroker(List.of("dlt", "redrive"), "--topic", dlt, "--all");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().trim()).isEqualTo("channelhub-ops dlt redrive: the topic of " + dlt
                + ":1:0, 'gone.topic', does not exist; nothing was sent");
        assertThat(RawKafka.readAll(topic)).isEmpty();
    }

    @Test
    void redriveNeedsEitherAnOffsetOrAll() {
        Cli.Result neither = Cli.runOnBroker(List.of("dlt", "redrive"), "--topic", dlt);
        Cli.Result both = Cli.runOnBroker(List.of("dlt", "redrive"), "--topic", dlt, "--offset", "0", "--all");
        Cli.Result unknown = Cli.runOnBroker(List.of("dlt", "redrive"), "--topic", "no.such.dlt", "--all");

        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).startsWith("channelhub-ops dlt redrive: Missing required argument")
                .contains("--offset=OFFSET", "--all");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().trim()).isEqualTo("channelhub-ops dlt redrive: topic 'no.such.dlt' does not exist");
    }

    @Test
    void dltWithoutASubcommandIsAUsageError() {
        Cli.Result result = Cli.run("dlt");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().trim()).isEqualTo("channelhub-ops dlt: missing subcommand: list, show or redrive "
                + "(see --help)");
    }

    @Test
    void redriveHelpSaysItIsSafeToRepeat() {
        Cli.Result result = Cli.run("dlt", "redrive", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: channelhub-ops dlt redrive");
        // picocli wraps the text at 80 columns
        assertThat(result.out().replaceAll("\\s+", " ")).contains("--offset=OFFSET", "--all", "--partition=N",
                "--dry-run", "Safe to repeat", "the services dedupe", "redriven-from");
    }
}
