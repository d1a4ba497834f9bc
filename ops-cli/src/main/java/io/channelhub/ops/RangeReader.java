package io.channelhub.ops;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads fixed offset ranges of partitions, each partition in offset order, and stops at their ends. The ends are
 * fixed before reading starts, which is what lets a replay into its own topic end: the copies land past them.
 */
final class RangeReader {

    /** Offsets {@code from} (inclusive) to {@code until} (exclusive) of one partition. */
    record Range(long from, long until) {
        boolean isEmpty() {
            return from >= until;
        }

        /**
         * An upper bound of the records in it: transaction markers (the services write exactly-once) take
         * offsets too.
         */
        long size() {
            return Math.max(0, until - from);
        }
    }

    /** Does something with one record; may wait for the broker. */
    interface Handler {
        void accept(ConsumerRecord<byte[], byte[]> record) throws InterruptedException;
    }

    private static final Duration POLL = Duration.ofMillis(200);
    /** The broker answers, yet the positions do not move: something is wrong, say so rather than hang. */
    private static final Duration STALLED = Duration.ofSeconds(30);

    private RangeReader() {
    }

    /** Every partition from its oldest record to its current end. */
    static Map<TopicPartition, Range> whole(KafkaConsumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Range> ranges = new LinkedHashMap<>();
        for (TopicPartition partition : partitions) {
            ranges.put(partition, new Range(beginning.get(partition), end.get(partition)));
        }
        return ranges;
    }

    /**
     * Hands every committed record in the ranges to {@code each}: in offset order within a partition, partitions
     * interleaved. Leaves the consumer assigned to nothing.
     */
    static void read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Range> ranges,
            Handler each) throws InterruptedException {
        Map<TopicPartition, Range> open = new HashMap<>();
        ranges.forEach((partition, range) -> {
            if (!range.isEmpty()) {
                open.put(partition, range);
            }
        });
        if (open.isEmpty()) {
            return;
        }
        consumer.assign(open.keySet());
        open.forEach((partition, range) -> consumer.seek(partition, range.from()));
        Map<TopicPartition, Long> positions = new HashMap<>();
        long lastMove = System.nanoTime();
        while (!open.isEmpty()) {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            for (TopicPartition partition : records.partitions()) {
                long until = ranges.get(partition).until();
                for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                    if (record.offset() < until) {
                        each.accept(record);
                    }
                }
            }
            // the position, not the last record, says when a range is done: markers and aborted records in it
            // are skipped without ever being returned
            for (TopicPartition partition : List.copyOf(open.keySet())) {
                long position = consumer.position(partition);
                if (!Long.valueOf(position).equals(positions.put(partition, position))) {
                    lastMove = System.nanoTime();
                }
                if (position >= open.get(partition).until()) {
                    consumer.pause(List.of(partition));
                    open.remove(partition);
                }
            }
            if (!open.isEmpty() && System.nanoTime() - lastMove > STALLED.toNanos()) {
                throw new IllegalStateException("reading stalled for " + STALLED.toSeconds() + " s at "
                        + open.keySet().stream().map(p -> p + "@" + positions.get(p)).sorted().toList());
            }
        }
        consumer.assign(List.of());
    }
}
