package io.channelhub.platform.clock;

import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.KnownSeries;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.event.ClockTicked;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Time as an input: at a fixed period, publishes a ClockTicked to every partition of each configured command
 * topic, so every task sees time advance even when no business event arrives. The only place that reads the
 * wall clock. Ticks are idempotent to consumers (a deadline fires once because state changes), so two
 * instances ticking the same topic are harmless.
 */
public final class ClockTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClockTicker.class);

    private final Producer<String, SpecificRecord> producer;
    private final List<String> topics;
    private final Duration period;
    private final String producerName;
    private final Clock clock;
    private final MeterRegistry registry;
    private ScheduledExecutorService scheduler;

    public ClockTicker(Producer<String, SpecificRecord> producer, List<String> topics, Duration period,
            String producerName, Clock clock, MeterRegistry registry) {
        this.producer = producer;
        this.topics = List.copyOf(topics);
        this.period = period;
        this.producerName = producerName;
        this.clock = clock;
        this.registry = registry;
        // at 0 from the start: ClockNotTicking then sees a ticker that never ticked
        KnownSeries.counters(MetricNames.TICKS).tag("topic", this.topics)
                .bindTo(registry);
    }

    /** Publishes one tick now to every partition of every topic; throws if the broker did not take them all. */
    public void tick() {
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo partition : producer.partitionsFor(topic)) {
                String id = EventIds.derive(topic + ":" + partition.partition() + "@" + at.toEpochMilli(),
                        "ClockTicked", 0);
                ClockTicked tick = ClockTicked.newBuilder().setMeta(EventIds.origin(id, at, producerName)).setAt(at)
                        .build();
                sent.add(producer.send(new ProducerRecord<>(topic, partition.partition(), at.toEpochMilli(),
                        "clock", tick)));
            }
        }
        for (Future<RecordMetadata> result : sent) {
            try {
                result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("Clock tick not published: " + e.getCause(), e.getCause());
            }
        }
        topics.forEach(topic -> registry.counter(MetricNames.TICKS, "topic", topic).increment());
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "clock-ticker"));
        scheduler.scheduleAtFixedRate(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("Clock tick failed; next period retries: {}", e.toString());
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Clock ticker: every {} to {}", period, topics);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
        producer.close(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
