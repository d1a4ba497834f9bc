package io.channelhub.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends copies of records (replay, dlt redrive) without waiting for each one, yet reports each as published only
 * once the broker has it: every {@value #BATCH} sends it waits for them all, in order, and hands each to
 * {@code sent}. The first failure ends the command, naming the record and how many were published before it.
 *
 * @param <T> what the caller wants back for each record sent (the source record, a line to print)
 */
final class Publisher<T> implements AutoCloseable {

    /** Bounds the sends held in memory on a long run; small enough for progress, large enough for throughput. */
    static final int BATCH = 1000;

    interface Sent<T> {
        void accept(T source, RecordMetadata published);
    }

    private record Pending<T>(T source, String name, Future<RecordMetadata> future) {
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final Sent<T> sent;
    private final List<Pending<T>> pending = new ArrayList<>();
    private long published;

    Publisher(KafkaProducer<byte[], byte[]> producer, Sent<T> sent) {
        this.producer = producer;
        this.sent = sent;
    }

    /**
     * @param name how to name the record if it fails, e.g. {@code transfers.commands.dlt:0:17}
     */
    void send(ProducerRecord<byte[], byte[]> record, T source, String name) throws InterruptedException {
        pending.add(new Pending<>(source, name, producer.send(record)));
        if (pending.size() >= BATCH) {
            awaitPending();
        }
    }

    /** Waits for everything sent so far. */
    void finish() throws InterruptedException {
        awaitPending();
    }

    private void awaitPending() throws InterruptedException {
        producer.flush();
        try {
            for (Pending<T> each : pending) {
                RecordMetadata metadata;
                try {
                    metadata = each.future().get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(each.name() + " not published (" + published + " record(s) "
                            + "published before it): " + e.getCause().getMessage(), e.getCause());
                }
                published++;
                sent.accept(each.source(), metadata);
            }
        } finally {
            pending.clear();
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
