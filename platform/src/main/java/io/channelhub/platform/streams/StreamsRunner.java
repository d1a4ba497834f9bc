package io.channelhub.platform.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Set;
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
 * RocksDB: services build them with Stores.persistentKeyValueStore), Kafka Streams client metrics bound to Micrometer. Started and stopped with the Spring context.
 */
public final class StreamsRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StreamsRunner.class);

    private static final Duration SOURCE_TOPICS_TIMEOUT = Duration.ofSeconds(30);

    private final Topology topology;
    private final Properties properties;
    private final MeterRegistry registry;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics metrics;

    public StreamsRunner(Topology topology, Map<String, Object> baseProperties, MeterRegistry registry) {
        this.topology = topology;
        this.properties = settings(baseProperties);
        this.registry = registry;
    }

    /** The shared Streams settings over whatever spring.kafka.streams.* configured (bootstrap, security, ids). */
    public static Properties settings(Map<String, Object> base) {
        Properties props = new Properties();
        props.putAll(base);
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
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
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        streams.start();
        log.info("Kafka Streams {} started", properties.get(StreamsConfig.APPLICATION_ID_CONFIG));
        log.debug("Topology of {}:\n{}", properties.get(StreamsConfig.APPLICATION_ID_CONFIG),
                topology.describe());
    }

    @Override
    public synchronized void stop() {
        if (streams == null) {
            return;
        }
        streams.close(Duration.ofSeconds(30));
        metrics.close();
        streams = null;
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
