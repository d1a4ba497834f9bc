package io.channelhub.ops;

import io.channelhub.schemas.Topics;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Re-publishes a range of a topic's records into the same topic or another (--to).",
            "Key, value and headers are copied byte for byte; the broker stamps each copy with the time of the "
                    + "replay (events keep their meta.occurredAt).",
            "Each copy goes to the partition its record came from when the target has as many partitions as the "
                    + "source, else to the one its key picks.",
            "The range is fixed when the command starts, so replaying a topic into itself ends.",
            "Safe to repeat into the services' topics: they dedupe events by id (docs/decisions.md D-27: a command "
                    + "older than the dedupe window, 30 days of event time, is refused, not applied again).",
            "Except " + Topics.NOTIFICATIONS_OUTBOX + " and " + Topics.NOTIFICATIONS_BULK_OUTBOX + ": the e-mail "
                    + "sender sends whatever it reads, so replay into them only e-mails never delivered (parked ones), "
                    + "and once."},
        footer = {"",
            "Range: all records now in the topic, or offsets (--from-offset/--to-offset, in each partition read), or "
                    + "times (--from-time/--to-time); not offsets and times together. Both ends are inclusive. Times "
                    + "pick offsets as Kafka does: from the first record stamped at or after --from-time to the last "
                    + "one before the first record stamped after --to-time.",
            "",
            "Progress goes to stderr every --progress-every records, the summary (records per partition) to stdout. "
                    + "Try --dry-run first: it reads and counts the records and publishes nothing.",
            "",
            "Exit codes: 0 done, 1 Kafka failed (the message says how many were published), 2 bad arguments or "
                    + "unknown topic (nothing was sent)."})
final class ReplayCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic to read the records from.")
    private String topic;

    @Option(names = "--to", paramLabel = "TOPIC", description = "Topic to publish the copies to (default: --topic).")
    private String to;

    @Option(names = "--partition", paramLabel = "N", description = "Only this partition of --topic (default: all).")
    private Integer partition;

    @Option(names = "--from-offset", paramLabel = "OFFSET",
            description = "First offset to copy, in each partition read (default: the oldest).")
    private Long fromOffset;

    @Option(names = "--to-offset", paramLabel = "OFFSET",
            description = "Last offset to copy, inclusive, in each partition read (default: the newest).")
    private Long toOffset;

    @Option(names = "--from-time", paramLabel = "ISO", converter = InstantConverter.class,
            description = "Copy from the first record stamped at or after this time, e.g. 2025-11-13T09:00:00Z.")
    private Instant fromTime;

    @Option(names = "--to-time", paramLabel = "ISO", converter = InstantConverter.class,
            description = "Copy up to the records stamped at this time, inclusive.")
    private Instant toTime;

    @Option(names = "--dry-run", description = "Read and count the records of the range; publish nothing.")
    private boolean dryRun;

    @Option(names = "--progress-every", paramLabel = "N", defaultValue = "1000",
            description = "Report progress on stderr every N records (default: ${DEFAULT-VALUE}).")
    private long progressEvery;

    /** What was copied from one source partition, for the summary. */
    private static final class Copied {
        long records;
        long first = -1;
        long last = -1;

        void add(long offset) {
            records++;
            if (first < 0) {
                first = offset;
            }
            last = offset;
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        checkArguments();
        String target = to == null ? topic : to;
        if (target.equals(Topics.NOTIFICATIONS_OUTBOX) || target.equals(Topics.NOTIFICATIONS_BULK_OUTBOX)) {
            spec.commandLine().getErr().println("replay: warning: " + target + " is not deduped: each copy "
                    + (dryRun ? "would be" : "will be") + " sent as an e-mail");
        }
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.newRawConsumer("channelhub-ops-replay")) {
            List<TopicPartition> all = Partitions.of(consumer, topic);
            List<TopicPartition> read = Partitions.select(all, partition);
            int targetPartitions = target.equals(topic) ? all.size() : Partitions.of(consumer, target).size();
            // the same count means the same key -> partition mapping, so keeping partitions keeps each key's order
            // where the services expect it; otherwise the target's partitioner decides, by key, as it would for
            // any producer
            boolean keepPartitions = targetPartitions == all.size();
            Map<TopicPartition, RangeReader.Range> ranges = ranges(consumer, read);
            long atMost = ranges.values().stream().mapToLong(RangeReader.Range::size).sum();

            Map<Integer, Copied> copied = new TreeMap<>();
            read.forEach(p -> copied.put(p.partition(), new Copied()));
            PrintWriter err = spec.commandLine().getErr();
            Progress progress = new Progress(err, "replay", progressEvery, atMost);
            if (dryRun) {
                RangeReader.read(consumer, ranges, record -> {
                    copied.get(record.partition()).add(record.offset());
                    progress.tick();
                });
            } else {
                try (Publisher<ConsumerRecord<byte[], byte[]>> publisher = new Publisher<>(
                        kafka.newRawProducer("channelhub-ops-replay"), (record, published) -> {
                            copied.get(record.partition()).add(record.offset());
                            progress.tick();
                        })) {
                    copy(consumer, ranges, publisher, target, keepPartitions);
                }
            }
            summarize(copied, target, keepPartitions, targetPartitions, all.size());
        }
        return 0;
    }

    /** Argument errors that need no broker: exit code 2 before anything is read. */
    private void checkArguments() {
        boolean offsets = fromOffset != null || toOffset != null;
        boolean times = fromTime != null || toTime != null;
        if (offsets && times) {
            throw usage("give a range of offsets (--from-offset/--to-offset) or of times (--from-time/--to-time), "
                    + "not both");
        }
        if (partition != null && partition < 0) {
            throw usage("--partition must not be negative");
        }
        if ((fromOffset != null && fromOffset < 0) || (toOffset != null && toOffset < 0)) {
            throw usage("offsets must not be negative");
        }
        if (fromOffset != null && toOffset != null && fromOffset > toOffset) {
            throw usage("--from-offset " + fromOffset + " is after --to-offset " + toOffset);
        }
        if (fromTime != null && toTime != null && fromTime.isAfter(toTime)) {
            throw usage("--from-time " + fromTime + " is after --to-time " + toTime);
        }
        if (progressEvery < 1) {
            throw usage("--progress-every must be at least 1");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The range of each partition read, within what the partition holds now. */
    private Map<TopicPartition, RangeReader.Range> ranges(KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> read) {
        Map<TopicPartition, RangeReader.Range> held = RangeReader.whole(consumer, read);
        Map<TopicPartition, Long> from = new HashMap<>();
        Map<TopicPartition, Long> until = new HashMap<>();
        if (fromTime != null) {
            from = offsetsAt(consumer, read, fromTime.toEpochMilli(), held);
        }
        if (toTime != null) {
            // the first record stamped after --to-time ends the range
            until = offsetsAt(consumer, read, toTime.toEpochMilli() + 1, held);
        }
        Map<TopicPartition, RangeReader.Range> ranges = new LinkedHashMap<>();
        for (TopicPartition each : read) {
            RangeReader.Range now = held.get(each);
            long start = fromOffset != null ? fromOffset : from.getOrDefault(each, now.from());
            long end = toOffset != null ? toOffset + 1 : until.getOrDefault(each, now.until());
            if (fromOffset != null && fromOffset < now.from()) {
                spec.commandLine().getErr().println("replay: " + each + ": offsets before " + now.from()
                        + " are gone (retention); starting there");
            }
            ranges.put(each, new RangeReader.Range(Math.max(start, now.from()), Math.min(end, now.until())));
        }
        return ranges;
    }

    /** Kafka's answer to "where does this time start": the first offset stamped at or after it, else the end. */
    private static Map<TopicPartition, Long> offsetsAt(KafkaConsumer<byte[], byte[]> consumer,
            List<TopicPartition> partitions, long epochMilli, Map<TopicPartition, RangeReader.Range> held) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, epochMilli));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (TopicPartition each : partitions) {
            OffsetAndTimestamp at = found.get(each);
            offsets.put(each, at == null ? held.get(each).until() : at.offset());
        }
        return offsets;
    }

    private static void copy(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, RangeReader.Range> ranges,
            Publisher<ConsumerRecord<byte[], byte[]>> publisher, String target, boolean keepPartitions)
            throws InterruptedException {
        RangeReader.read(consumer, ranges, record -> {
            // no timestamp: the producer stamps the copy now, as decisions D-27 expects of a replay
            ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(target,
                    keepPartitions ? record.partition() : null, null, record.key(), record.value(),
                    new RecordHeaders(record.headers().toArray()));
            publisher.send(copy, record, record.topic() + ":" + record.partition() + ":" + record.offset());
        });
        publisher.finish();
    }

    private void summarize(Map<Integer, Copied> copied, String target, boolean keepPartitions, int targetPartitions,
            int sourcePartitions) {
        long total = copied.values().stream().mapToLong(c -> c.records).sum();
        PrintWriter out = spec.commandLine().getOut();
        String where = keepPartitions ? "same partitions"
                : "partitions chosen by key: " + target + " has " + targetPartitions + ", " + topic + " "
                        + sourcePartitions;
        out.println((dryRun ? "dry run: would replay " : "replayed ") + total + " record(s) from " + topic + " to "
                + target + " (" + where + ")" + (dryRun ? "; nothing was published" : ""));
        copied.forEach((p, c) -> out.println("  partition " + p + ": " + c.records + " record(s)"
                + (c.records == 0 ? "" : ", offsets " + c.first + ".." + c.last)));
        out.flush();
    }
}
