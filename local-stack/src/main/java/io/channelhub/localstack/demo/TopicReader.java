package io.channelhub.localstack.demo;

import io.channelhub.schemas.Events;
import io.channelhub.schemas.serde.EventSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from its beginning, committed records only (the services write in transactions), and waits for
 * events. No consumer group: it commits nothing and disturbs no service. From the beginning, so an outcome a
 * previous demo run produced (a replay changes nothing) is found as well.
 */
final class TopicReader implements AutoCloseable {

    /** Something to do again while waiting, such as re-sending a tick: ticks are idempotent. */
    interface Retry {
        void run() throws InterruptedException;
    }

    private static final Duration POLL = Duration.ofMillis(200);

    private final String topic;
    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final List<SpecificRecord> read = new ArrayList<>();

    TopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new EventSerde());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close();
            throw new IllegalStateException("No topic " + topic + " on the broker");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    String topic() {
        return topic;
    }

    /** The first event read that matches, waiting up to {@code timeout} for it; empty if none came. */
    Optional<SpecificRecord> await(Predicate<SpecificRecord> matches, Duration timeout) throws InterruptedException {
        return await(matches, timeout, null, () -> { });
    }

    /**
     * The first event read that matches, waiting up to {@code timeout} for it and running {@code retry} every
     * {@code retryEvery} meanwhile; empty if none came.
     */
    Optional<SpecificRecord> await(Predicate<SpecificRecord> matches, Duration timeout, Duration retryEvery,
            Retry retry) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long nextRetry = retryEvery == null ? Long.MAX_VALUE : start + retryEvery.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < read.size(); checked++) {
                if (matches.test(read.get(checked))) {
                    return Optional.of(read.get(checked));
                }
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return Optional.empty();
            }
            if (now - nextRetry >= 0) {
                retry.run();
                nextRetry = now + retryEvery.toNanos();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(POLL)) {
                if (record.value() != null) {
                    read.add(record.value());
                }
            }
        }
    }

    /** Whether every one of {@code eventIds} was read, waiting up to {@code timeout} for them. */
    boolean awaitAll(Collection<String> eventIds, Duration timeout) throws InterruptedException {
        Set<String> missing = new HashSet<>(eventIds);
        return missing.isEmpty()
                || await(event -> missing.remove(Events.eventId(event)) && missing.isEmpty(), timeout).isPresent();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
