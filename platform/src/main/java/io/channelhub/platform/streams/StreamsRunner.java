package io.channelhub.platform.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import io.channelhub.platform.ChannelHubProperties;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs a service's one topology with the settings every service shares: exactly-once v2 (stores are
 * RocksDB: services build them with Stores.persistentKeyValueStore), Kafka Streams client metrics bound to
 * Micrometer, and X1: a record that cannot be processed or whose outcome cannot be produced is dead-lettered and
 * the partition moves on ({@link DeadLetterOnProcessingError}, {@link DeadLetterOnProductionError}), records up to
 * {@link Topics#OWN_MAX_BYTES} can be produced, and {@link PartitionProgress} watches that every input partition
 * advances. Started and stopped with the Spring context.
 */
public final class StreamsRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

    private static final Duration SOURCE_TOPICS_TIMEOUT = Duration.ofSeconds(30);
    /** The key under which the handlers find the service's meter registry in the Streams configuration. */
    static final String METER_REGISTRY_CONFIG = "channelhub.meter.registry";

    private final Topology topology;
    private final Properties properties;
    private final MeterRegistry registry;
    private final PartitionProgress progress;
    private final Duration progressInterval;
    private final Counter threadFailures;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics metrics;
    private ScheduledExecutorService watcher;
    private Admin admin;

    public StreamsRunner(Topology topology, Map<String, Object> baseProperties, MeterRegistry registry,
            String service, ChannelHubProperties.StreamsSettings health) {
        this.topology = topology;
        this.properties = settings(baseProperties);
        this.properties.put(METER_REGISTRY_CONFIG, registry);
        this.registry = registry;
        this.progress = new PartitionProgress(health.stallTimeout(), health.threadFailures(), Clock.systemUTC());
        this.progressInterval = health.progressInterval();
        Gauge.builder(MetricNames.PARTITIONS_STALLED, progress, p -> p.stalls().size())
                .tag("service", service)
                .description("Input partitions with records waiting that have not advanced for the stall timeout")
                .register(registry);
        threadFailures = Counter.builder(MetricNames.STREAM_THREAD_FAILURES).tag("service", service)
                .description("Stream threads that failed and were replaced").register(registry);
    }


    /** The shared Streams settings over whatever spring.kafka.streams.* configured (bootstrap, security, ids). */
    public static Properties settings(Map<String, Object> base) {
        Properties props = new Properties();
        props.putAll(base);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnProcessingError.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnProductionError.class);
        // any input the broker accepted can be dead-lettered whole with its headers; the topics the services write
        // (their outcome topics, DLTs and internal changelogs) take what the producer takes, so a too-large
        // outcome fails in the producer, where the production handler sees it, not later at the broker
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), Topics.OWN_MAX_BYTES);
        props.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), Topics.OWN_MAX_BYTES);
        return props;
    }

    /**
     * A topic created a moment ago (the service's own tables, at first start) may not be in every broker's
     * metadata yet, and a global store whose topic has no partitions fails the start. So wait until every source
     * topic answers, for a while; a topic still missing then is reported by Streams itself.
     */
    private void awaitSourceTopics() {
        Set<String> topics = new TreeSet<>();
        TopologyDescription description = topology.describe();
        description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> {
            if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
                topics.addAll(source.topicSet());
            }
        }));
        description.globalStores().forEach(store -> topics.addAll(store.source().topicSet()));
        Map<String, Object> config = new StreamsConfig(properties).getAdminConfigs(
                properties.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-topics-check");
        try (Admin admin = Admin.create(config)) {
            long deadline = System.nanoTime() + SOURCE_TOPICS_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    admin.describeTopics(topics).allTopicNames().get(5, TimeUnit.SECONDS);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    Thread.sleep(200);
                }
            }
            log.warn("Source topics of {} not all available after {}: {}", properties.get(
                    StreamsConfig.APPLICATION_ID_CONFIG), SOURCE_TOPICS_TIMEOUT, topics);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
        awaitSourceTopics();
        streams = new KafkaStreams(topology, properties);
        streams.setUncaughtExceptionHandler(e -> {
            log.error("Stream thread failed; replacing it", e);
            threadFailures.increment();
            progress.threadFailed();
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        streams.start();
        admin = Admin.create(new StreamsConfig(properties).getAdminConfigs(
                properties.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-progress"));
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, properties.get(StreamsConfig.APPLICATION_ID_CONFIG) + "-progress");
            thread.setDaemon(true);
            return thread;
        });
        watcher.scheduleWithFixedDelay(this::observeProgress, progressInterval.toMillis(),
                progressInterval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Kafka Streams {} started", properties.get(StreamsConfig.APPLICATION_ID_CONFIG));
        log.debug("Topology of {}:\n{}", properties.get(StreamsConfig.APPLICATION_ID_CONFIG),
                topology.describe());
    }

    @Override
    public synchronized void stop() {
        if (streams == null) {
            return;
        }
        watcher.shutdownNow();
        admin.close(Duration.ofSeconds(5));
        streams.close(Duration.ofSeconds(30));
        metrics.close();
        streams = null;
    }

    /**
     * Asks the broker where this instance's active input partitions are committed and where they end (last stable
     * offset: records of open or aborted transactions are not waiting). A failed look changes nothing: the next
     * one asks again.
     */
    private void observeProgress() {
        KafkaStreams running = streams;
        if (running == null || running.state() != KafkaStreams.State.RUNNING) {
            return;
        }
        try {
            Set<TopicPartition> inputs = new HashSet<>();
            running.metadataForLocalThreads().forEach(thread -> thread.activeTasks()
                    .forEach(task -> inputs.addAll(task.topicPartitions())));
            String group = String.valueOf(properties.get(StreamsConfig.APPLICATION_ID_CONFIG));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            Map<TopicPartition, OffsetSpec> starts = new HashMap<>();
            for (TopicPartition partition : inputs) {
                ends.put(partition, OffsetSpec.latest());
                if (committed.get(partition) == null) {
                    starts.put(partition, OffsetSpec.earliest());
                }
            }
            var end = admin.listOffsets(ends, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(10, TimeUnit.SECONDS);
            var start = starts.isEmpty() ? Map.<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>of()
                    : admin.listOffsets(starts).all().get(10, TimeUnit.SECONDS);
            Map<String, long[]> seen = new HashMap<>();
            for (TopicPartition partition : inputs) {
                OffsetAndMetadata at = committed.get(partition);
                long from = at != null ? at.offset() : start.get(partition).offset();
                seen.put(partition.toString(), new long[] {from, end.get(partition).offset()});
            }
            progress.observe(seen);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.debug("Could not read the progress of {}: {}", properties.get(StreamsConfig.APPLICATION_ID_CONFIG),
                    e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether every input partition advances and the threads hold (X1). */
    public PartitionProgress progress() {
        return progress;
    }

    @Override
    public boolean isRunning() {
        return streams != null;
    }

    /** For interactive queries and health; null before start. */
    public KafkaStreams streams() {
        return streams;
    }

    public KafkaStreams.State state() {
        KafkaStreams s = streams;
        return s == null ? KafkaStreams.State.NOT_RUNNING : s.state();
    }
}
