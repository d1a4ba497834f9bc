package io.channelhub.ops;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The dead-letter topics: what the services could not decode, the original bytes kept with headers saying where
 * they came from and why. {@code list} to see them, {@code show} to read one, {@code redrive} to send them back.
 */
@Command(name = "dlt", mixinStandardHelpOptions = true,
        description = {
            "Lists, shows and redrives dead letters, the records of the <topic>.dlt topics.",
            "A service writes there what it could not decode: the original key, value and headers, plus headers "
                    + "saying where it came from (channelhub.dlt.topic, partition, offset) and why (exception, "
                    + "message)."},
        subcommands = {DltCommand.ListDeadLetters.class, DltCommand.Show.class, DltCommand.Redrive.class},
        footer = {"", "--topic takes the dead-letter topic (transfers.commands.dlt) or the topic it belongs to "
                + "(transfers.commands)."})
final class DltCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing subcommand: list, show or redrive");
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {
                "Without --topic: every dead-letter topic with its record count and newest record's time.",
                "With --topic: that topic's records, one line each: partition, offset, time, key, origin "
                        + "(topic:partition:offset), exception, message and a preview of the value."},
            footer = {"", "Counts are exact (the records are read: transaction markers take offsets too).",
                "Exit codes: 0 done, 1 Kafka failed, 2 bad arguments or unknown topic."})
    static final class ListDeadLetters implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private KafkaOptions kafka;

        @Option(names = "--topic", paramLabel = "TOPIC",
                description = "List the records of this dead-letter topic, or of the one this topic belongs to "
                        + "(default: list the topics).")
        private String topic;

        @Override
        public Integer call() throws InterruptedException {
            try (KafkaConsumer<byte[], byte[]> consumer = kafka.newRawConsumer("channelhub-ops-dlt")) {
                if (topic == null) {
                    listTopics(consumer, spec.commandLine().getOut());
                } else {
                    listRecords(consumer, DeadLetter.deadLetterTopic(topic), spec.commandLine().getOut());
                }
            }
            return 0;
        }

        private static void listTopics(KafkaConsumer<byte[], byte[]> consumer, PrintWriter out)
                throws InterruptedException {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics().forEach((name, infos) -> {
                if (DeadLetter.isDeadLetterTopic(name)) {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            });
            if (partitions.isEmpty()) {
                out.println("no dead-letter topics (*" + DeadLetter.DLT_SUFFIX + ")");
                return;
            }
            Map<String, long[]> countAndNewest = new TreeMap<>();
            partitions.forEach(p -> countAndNewest.put(p.topic(), new long[] {0, -1}));
            RangeReader.read(consumer, RangeReader.whole(consumer, partitions), record -> {
                long[] topic = countAndNewest.get(record.topic());
                topic[0]++;
                topic[1] = Math.max(topic[1], record.timestamp());
            });
            int width = countAndNewest.keySet().stream().mapToInt(String::length).max().orElse(3);
            String format = "%-" + width + "s  %7s  %s%n";
            out.printf(format, "DLT", "RECORDS", "NEWEST");
            countAndNewest.forEach((name, topic) -> out.printf(format, name, topic[0],
                    topic[1] < 0 ? "-" : Instant.ofEpochMilli(topic[1])));
            out.flush();
        }

        private static void listRecords(KafkaConsumer<byte[], byte[]> consumer, String dlt, PrintWriter out)
                throws InterruptedException {
            List<TopicPartition> partitions = Partitions.of(consumer, dlt);
            long[] count = {0};
            RangeReader.read(consumer, RangeReader.whole(consumer, partitions), record -> {
                DeadLetter letter = new DeadLetter(record);
                out.println("partition=" + record.partition() + " offset=" + record.offset()
                        + " time=" + letter.timestamp() + " key=" + key(record.key())
                        + " origin=" + letter.origin() + " exception=" + letter.exceptionSimpleName()
                        + " message=" + (letter.message() == null ? "null" : RawBytes.quoted(letter.message()))
                        + " value=" + RawBytes.preview(record.value()));
                count[0]++;
            });
            out.println(count[0] + " record(s) in " + dlt);
            out.flush();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Shows one dead letter whole: time, key, origin, every header, and the value as text "
                    + "when it is UTF-8 text, else as a hex dump."},
            footer = {"", "Exit codes: 0 done, 1 Kafka failed, 2 bad arguments, unknown topic or no such record."})
    static final class Show implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private KafkaOptions kafka;

        @Option(names = "--topic", required = true, paramLabel = "TOPIC",
                description = "The dead-letter topic (or the topic it belongs to).")
        private String topic;

        @Option(names = "--offset", required = true, paramLabel = "OFFSET", description = "Offset of the record.")
        private long offset;

        @Option(names = "--partition", paramLabel = "N",
                description = "Its partition; needed only when several partitions have a record at that offset.")
        private Integer partition;

        @Override
        public Integer call() throws InterruptedException {
            if (offset < 0) {
                throw new ParameterException(spec.commandLine(), "--offset must not be negative");
            }
            try (KafkaConsumer<byte[], byte[]> consumer = kafka.newRawConsumer("channelhub-ops-dlt")) {
                print(find(consumer, DeadLetter.deadLetterTopic(topic), partition, offset),
                        spec.commandLine().getOut());
            }
            return 0;
        }

        private static void print(DeadLetter letter, PrintWriter out) {
            ConsumerRecord<byte[], byte[]> record = letter.record();
            out.println("dead letter: " + letter.coordinates());
            out.println("timestamp:   " + letter.timestamp() + " (" + record.timestamp() + ")");
            out.println("key:         " + key(record.key()));
            out.println("origin:      " + letter.origin());
            out.println("headers:");
            for (Header header : record.headers()) {
                out.println("  " + header.key() + ": " + RawBytes.textOrHex(header.value()));
            }
            byte[] value = record.value();
            String text = RawBytes.text(value);
            if (value == null) {
                out.println("value:       null");
            } else if (text != null) {
                out.println("value:       " + value.length + " bytes, UTF-8 text:");
                out.println(text);
            } else {
                out.println("value:       " + value.length + " bytes, not text:");
                out.print(RawBytes.hexDump(value));
            }
            out.flush();
        }
    }

    @Command(name = "redrive", mixinStandardHelpOptions = true,
            description = {
                "Re-publishes dead letters to the topic they came from (the channelhub.dlt.topic header): key and "
                        + "value as they were, to the same partition when it exists, the original headers kept, "
                        + "the channelhub.dlt.* ones dropped and channelhub.redriven-from=<dlt>:<partition>:<offset> "
                        + "added.",
                "Run it once the cause is fixed (say, a service that now knows the schema): what still does not "
                        + "decode lands in the dead-letter topic again.",
                "Safe to repeat: Kafka deletes nothing, so the dead letters stay and a second redrive publishes "
                        + "them again, and the services dedupe events by id (within the 30-day dedupe window, "
                        + "docs/decisions.md D-27)."},
            footer = {"", "Every target topic is checked before anything is sent. One line per record on stdout, then "
                    + "a summary.",
                "Exit codes: 0 done, 1 Kafka failed (the message says how many were published), 2 bad arguments, "
                        + "unknown topic or no such record (nothing was sent)."})
    static final class Redrive implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Mixin
        private KafkaOptions kafka;

        @Option(names = "--topic", required = true, paramLabel = "TOPIC",
                description = "The dead-letter topic (or the topic it belongs to).")
        private String topic;

        @Option(names = "--partition", paramLabel = "N",
                description = "Partition of the dead-letter topic: of --offset (needed only when several partitions "
                        + "have a record there), or the only one --all takes.")
        private Integer partition;

        @ArgGroup(exclusive = true, multiplicity = "1")
        private Which which;

        static final class Which {
            @Option(names = "--offset", paramLabel = "OFFSET", description = "Redrive the dead letter at this offset.")
            Long offset;

            @Option(names = "--all", description = "Redrive every dead letter now in the topic.")
            boolean all;
        }

        @Option(names = "--dry-run", description = "Print what would be redriven, and where to; publish nothing.")
        private boolean dryRun;

        @Override
        public Integer call() throws InterruptedException {
            if (which.offset != null && which.offset < 0) {
                throw new ParameterException(spec.commandLine(), "--offset must not be negative");
            }
            String dlt = DeadLetter.deadLetterTopic(topic);
            PrintWriter out = spec.commandLine().getOut();
            try (KafkaConsumer<byte[], byte[]> consumer = kafka.newRawConsumer("channelhub-ops-dlt")) {
                List<DeadLetter> letters = which.all ? all(consumer, dlt)
                        : List.of(find(consumer, dlt, partition, which.offset));
                if (letters.isEmpty()) {
                    out.println("nothing to redrive: " + dlt + (partition == null ? "" : " partition " + partition)
                            + " is empty");
                    return 0;
                }
                Map<String, Integer> targets = targetPartitionCounts(consumer, letters);
                Map<String, Long> perTarget = dryRun ? describe(letters, targets, out) : publish(letters, targets, out);
                out.println((dryRun ? "dry run: would redrive " : "redriven ") + letters.size() + " record(s) from "
                        + dlt + ": " + String.join(", ", perTarget.entrySet().stream()
                                .map(e -> e.getValue() + " to " + e.getKey()).toList())
                        + (dryRun ? "; nothing was published" : ""));
                out.flush();
            }
            return 0;
        }

        /** --dry-run: one line per dead letter, where it would go; the count per target topic. */
        private static Map<String, Long> describe(List<DeadLetter> letters, Map<String, Integer> targets,
                PrintWriter out) {
            Map<String, Long> perTarget = new TreeMap<>();
            for (DeadLetter letter : letters) {
                Integer to = targetPartition(letter, targets);
                out.println("would redrive " + letter.coordinates() + " -> " + letter.originTopic()
                        + (to == null ? " (partition by key)" : " partition " + to)
                        + " key=" + key(letter.record().key()));
                perTarget.merge(letter.originTopic(), 1L, Long::sum);
            }
            return perTarget;
        }

        /** One line per dead letter once the broker has its copy; the count per target topic. */
        private Map<String, Long> publish(List<DeadLetter> letters, Map<String, Integer> targets, PrintWriter out)
                throws InterruptedException {
            Map<String, Long> perTarget = new TreeMap<>();
            try (Publisher<DeadLetter> publisher = new Publisher<>(kafka.newRawProducer("channelhub-ops-redrive"),
                    (letter, published) -> {
                        out.println("redriven " + letter.coordinates() + " -> " + published.topic() + ":"
                                + published.partition() + ":" + published.offset()
                                + " key=" + key(letter.record().key()));
                        perTarget.merge(published.topic(), 1L, Long::sum);
                    })) {
                for (DeadLetter letter : letters) {
                    // no timestamp: the producer stamps the copy now, as for a replay (decisions D-27)
                    publisher.send(new ProducerRecord<>(letter.originTopic(), targetPartition(letter, targets), null,
                            letter.record().key(), letter.record().value(), letter.redriveHeaders()),
                            letter, letter.coordinates());
                }
                publisher.finish();
            }
            return perTarget;
        }

        /**
         * A dead-letter topic holds what could not be processed, a handful of records: they are read into memory
         * first, so that every target topic is checked before anything is sent.
         */
        private List<DeadLetter> all(KafkaConsumer<byte[], byte[]> consumer, String dlt)
                throws InterruptedException {
            List<TopicPartition> partitions = Partitions.select(Partitions.of(consumer, dlt), partition);
            List<DeadLetter> letters = new ArrayList<>();
            RangeReader.read(consumer, RangeReader.whole(consumer, partitions),
                    record -> letters.add(new DeadLetter(record)));
            letters.sort(Comparator.comparingInt((DeadLetter l) -> l.record().partition())
                    .thenComparingLong(l -> l.record().offset()));
            return letters;
        }

        /** @throws UsageException naming the dead letter whose topic does not exist */
        private static Map<String, Integer> targetPartitionCounts(KafkaConsumer<byte[], byte[]> consumer,
                List<DeadLetter> letters) {
            Map<String, Integer> counts = new HashMap<>();
            for (DeadLetter letter : letters) {
                if (!counts.containsKey(letter.originTopic())) {
                    int count = consumer.partitionsFor(letter.originTopic()).size();
                    if (count == 0) {
                        throw new UsageException("the topic of " + letter.coordinates() + ", '"
                                + letter.originTopic() + "', does not exist; nothing was sent");
                    }
                    counts.put(letter.originTopic(), count);
                }
            }
            return counts;
        }

        /** The partition it was read from, keeping it with its key's other records; else the key decides. */
        private static Integer targetPartition(DeadLetter letter, Map<String, Integer> targets) {
            Integer origin = letter.originPartition();
            return origin != null && origin >= 0 && origin < targets.get(letter.originTopic()) ? origin : null;
        }
    }

    /**
     * The dead letter at an offset. Offsets are per partition: without a partition, the one partition that holds a
     * record at the offset.
     *
     * @param partition null for any
     * @throws UsageException when no partition, or more than one, has a record there
     */
    static DeadLetter find(KafkaConsumer<byte[], byte[]> consumer, String dlt, Integer partition, long offset)
            throws InterruptedException {
        List<TopicPartition> partitions = Partitions.select(Partitions.of(consumer, dlt), partition);
        Map<TopicPartition, RangeReader.Range> ranges = new HashMap<>();
        RangeReader.whole(consumer, partitions).forEach((p, held) -> {
            if (offset >= held.from() && offset < held.until()) {
                ranges.put(p, new RangeReader.Range(offset, offset + 1));
            }
        });
        List<DeadLetter> found = new ArrayList<>();
        RangeReader.read(consumer, ranges, record -> found.add(new DeadLetter(record)));
        if (found.isEmpty()) {
            throw new UsageException("no record at offset " + offset + " in " + dlt
                    + (partition == null ? "" : " partition " + partition));
        }
        if (found.size() > 1) {
            throw new UsageException("partitions " + found.stream().map(l -> l.record().partition()).sorted()
                    .toList() + " of " + dlt + " each have a record at offset " + offset + ": give --partition");
        }
        return found.get(0);
    }

    /** A key for one line: quoted text, {@code hex:...} when it is not text, or null. */
    private static String key(byte[] key) {
        if (key == null) {
            return "null";
        }
        String text = RawBytes.text(key);
        return text != null ? RawBytes.quoted(text) : RawBytes.textOrHex(key);
    }
}
