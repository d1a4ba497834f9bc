package io.channelhub.platform.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
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

    @Override
    public synchronized void start() {
        if (streams != null) {
            return;
        }
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
