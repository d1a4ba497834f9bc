package io.channelhub.ops;

import static io.channelhub.ops.RawKafka.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReplayCommandTest {

    /** Three partitions, like the catalogue's topics; holds one record, for the argument checks. */
    private static final String EXISTING = RawKafka.uniqueTopic("replay-existing");

    @BeforeAll
    static void topics() {
        RawKafka.createTopics(3, EXISTING);
        RawKafka.send(new ProducerRecord<>(EXISTING, 0, utf8("k"), utf8("v")));
    }

    @Test
    void replaysAnOffsetRangeIntoAnotherTopicCopyingKeysValuesAndHeaders() {
        String source = RawKafka.uniqueTopic("replay-source");
        String target = RawKafka.uniqueTopic("replay-target");
        RawKafka.createTopics(3, source, target);
        List<ProducerRecord<byte[], byte[]>> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("traceparent", utf8("00-trace-" + i));
            headers.add("repeated", new byte[] {1});
            headers.add("repeated", new byte[] {2, (byte) 0xFF});
            // record 3's key is not UTF-8: it must come through byte for byte
            byte[] key = i == 3 ? new byte[] {(byte) 0xFF, 0x00, (byte) 0xC3} : utf8("E-" + i);
            sent.add(new ProducerRecord<>(source, 1, key, new byte[] {(byte) 0xC3, 0x01, (byte) i}, headers));
        }
        RawKafka.send(sent.toArray(ProducerRecord[]::new));

        Cli.Result result = Cli.runOnBroker("replay", "--topic", source, "--to", target, "--partition", "1",
                "--from-offset", "2", "--to-offset", "6");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.outLines()).containsExactly(
                "replayed 5 record(s) from " + source + " to " + target + " (same partitions)",
                "  partition 1: 5 record(s), offsets 2..6");
        List<ConsumerRecord<byte[], byte[]>> copies = RawKafka.readAll(target);
        assertThat(copies).hasSize(5);
        for (int i = 0; i < 5; i++) {
            ProducerRecord<byte[], byte[]> original = sent.get(i + 2);
            ConsumerRecord<byte[], byte[]> copy = copies.get(i);
            assertThat(copy.partition()).isEqualTo(1);
            assertThat(copy.key()).isEqualTo(original.key());
            assertThat(copy.value()).isEqualTo(original.value());
            assertThat(headers(copy.headers().toArray())).isEqualTo(headers(original.headers().toArray()));
        }
    }

    @Test
    void replaysATimeRangeBothEndsInclusiveLettingTheKeyChooseWhenPartitionCountsDiffer() {
        String source = RawKafka.uniqueTopic("replay-source");
        String target = RawKafka.uniqueTopic("replay-target");
        RawKafka.createTopics(3, source);
        RawKafka.createTopics(1, target);
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Instant inRange = base.plus(10, ChronoUnit.MINUTES);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            // 0-2 before the range, 3-6 in it (1 ms apart), 7-8 after it; spread over the partitions
            Instant at = i < 3 ? base.plusMillis(i) : i < 7 ? inRange.plusMillis(i - 3)
                    : base.plus(20, ChronoUnit.MINUTES).plusMillis(i);
            records.add(new ProducerRecord<>(source, i % 3, at.toEpochMilli(), utf8("E-" + i), utf8("value-" + i)));
        }
        RawKafka.send(records.toArray(ProducerRecord[]::new));
        long beforeReplay = System.currentTimeMillis();

        Cli.Result result = Cli.runOnBroker("replay", "--topic", source, "--to", target,
                "--from-time", inRange.toString(), "--to-time", inRange.plusMillis(3).toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines().get(0)).isEqualTo("replayed 4 record(s) from " + source + " to " + target
                + " (partitions chosen by key: " + target + " has 1, " + source + " 3)");
        assertThat(result.outLines()).hasSize(4); // the headline and one line per source partition
        List<ConsumerRecord<byte[], byte[]>> copies = RawKafka.readAll(target);
        assertThat(copies).extracting(r -> utf8(r.key()))
                .containsExactlyInAnyOrder("E-3", "E-4", "E-5", "E-6");
        assertThat(copies).allSatisfy(copy -> {
            assertThat(utf8(copy.value())).isEqualTo("value-" + utf8(copy.key()).substring(2));
            // the copy is stamped at the replay (decisions D-27); the event inside keeps its own time
            assertThat(copy.timestamp()).isGreaterThanOrEqualTo(beforeReplay);
        });
    }

    @Test
    void replayingATopicIntoItselfEndsAndReportsProgressOnStderr() {
        String topic = RawKafka.uniqueTopic("replay-self");
        RawKafka.createTopics(3, topic);
        for (int i = 0; i < 5; i++) {
            RawKafka.send(new ProducerRecord<>(topic, 0, utf8("E-" + i), utf8("value-" + i)));
        }

        Cli.Result result = Cli.runOnBroker("replay", "--topic", topic, "--progress-every", "2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().lines()).containsExactly("replay: 2 of at most 5 records",
                "replay: 4 of at most 5 records");
        assertThat(result.outLines()).containsExactly(
                "replayed 5 record(s) from " + topic + " to " + topic + " (same partitions)",
                "  partition 0: 5 record(s), offsets 0..4",
                "  partition 1: 0 record(s)",
                "  partition 2: 0 record(s)");
        List<ConsumerRecord<byte[], byte[]>> all = RawKafka.readAll(topic);
        assertThat(all).hasSize(10).allSatisfy(r -> assertThat(r.partition()).isZero());
        assertThat(all.subList(5, 10)).extracting(r -> utf8(r.value()))
                .containsExactly("value-0", "value-1", "value-2", "value-3", "value-4");
    }

    @Test
    void aDryRunCountsTheRangeAndPublishesNothing() {
        String source = RawKafka.uniqueTopic("replay-source");
        String target = RawKafka.uniqueTopic("replay-target");
        RawKafka.createTopics(3, source, target);
        for (int i = 0; i < 3; i++) {
            RawKafka.send(new ProducerRecord<>(source, 2, utf8("E-" + i), utf8("value-" + i)));
        }

        Cli.Result result = Cli.runOnBroker("replay", "--topic", source, "--to", target, "--from-offset", "1",
                "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines().get(0)).isEqualTo("dry run: would replay 2 record(s) from " + source + " to "
                + target + " (same partitions); nothing was published");
        assertThat(result.outLines()).contains("  partition 2: 2 record(s), offsets 1..2");
        assertThat(RawKafka.readAll(target)).isEmpty();
    }

    @Test
    void anEmptyRangeReplaysNothing() {
        Cli.Result result = Cli.runOnBroker("replay", "--topic", EXISTING, "--partition", "0",
                "--from-offset", "100", "--to-offset", "200");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.outLines()).containsExactly(
                "replayed 0 record(s) from " + EXISTING + " to " + EXISTING + " (same partitions)",
                "  partition 0: 0 record(s)");
        assertThat(RawKafka.readAll(EXISTING)).hasSize(1);
    }

    @Test
    void replayingIntoTheOutboxWarnsThatEachCopyIsSentAsAnEmail() {
        KafkaTestClient.embedded().createTopics().close();

        Cli.Result result = Cli.runOnBroker("replay", "--topic", Topics.NOTIFICATIONS_PARKED,
                "--to", Topics.NOTIFICATIONS_OUTBOX, "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err().lines()).first().isEqualTo("replay: warning: notifications.outbox is not deduped: "
                + "each copy would be sent as an e-mail");
        assertThat(result.outLines().get(0)).startsWith("dry run: would replay ");
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of(new String[] {"--to", EXISTING}, "Missing required option: '--topic=TOPIC'"),
                Arguments.of(new String[] {"--topic", EXISTING, "--from-offset", "1", "--to-time",
                        "2025-11-13T09:00:00Z"}, "give a range of offsets (--from-offset/--to-offset) or of times "
                        + "(--from-time/--to-time), not both"),
                Arguments.of(new String[] {"--topic", EXISTING, "--from-offset", "5", "--to-offset", "2"},
                        "--from-offset 5 is after --to-offset 2"),
                Arguments.of(new String[] {"--topic", EXISTING, "--from-offset", "-1"},
                        "offsets must not be negative"),
                Arguments.of(new String[] {"--topic", EXISTING, "--from-time", "2025-11-13T10:00:00+01:00",
                        "--to-time", "2025-11-13T08:59:59Z"},
                        "--from-time 2025-11-13T09:00:00Z is after --to-time 2025-11-13T08:59:59Z"),
                Arguments.of(new String[] {"--topic", EXISTING, "--from-time", "2025-11-13T09:00"},
                        "'2025-11-13T09:00' is not an ISO-8601 time with an offset"),
                Arguments.of(new String[] {"--topic", "no.such.topic"}, "topic 'no.such.topic' does not exist"),
                Arguments.of(new String[] {"--topic", EXISTING, "--to", "no.such.target"},
                        "topic 'no.such.target' does not exist"),
                Arguments.of(new String[] {"--topic", EXISTING, "--partition", "7"},
                        "topic '" + EXISTING + "' has no partition 7 (it has 3: 0..2)"),
                Arguments.of(new String[] {"--topic", EXISTING, "--progress-every", "0"},
                        "--progress-every must be at least 1"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void badArgumentsExitWith2AndOneLineSayingWhy(String[] args, String message) {
        Cli.Result result = Cli.runOnBroker("replay", args);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).hasSize(1);
        assertThat(result.err()).startsWith("channelhub-ops replay: ").contains(message)
                .doesNotContain("Exception");
        assertThat(RawKafka.readAll(EXISTING)).hasSize(1);
    }

    @Test
    void helpDescribesEveryOption() {
        Cli.Result result = Cli.run("replay", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: channelhub-ops replay");
        assertThat(result.out().replaceAll("\\s+", " ")).contains("--topic=TOPIC", "--to=TOPIC",
                "--partition=N", "--from-offset=OFFSET", "--to-offset=OFFSET", "--from-time=ISO", "--to-time=ISO",
                "--dry-run", "--progress-every=N", "--bootstrap-servers", "Safe to repeat",
                "Except notifications.outbox");
    }

    /** Headers as comparable values, in order (duplicates included). */
    private static List<String> headers(Header[] headers) {
        return Stream.of(headers).map(h -> h.key() + "=" + java.util.HexFormat.of().formatHex(h.value())).toList();
    }
}
