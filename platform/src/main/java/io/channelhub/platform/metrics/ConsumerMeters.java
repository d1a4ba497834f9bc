package io.channelhub.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Binds the Kafka metrics (lag, fetch rates) of each consumer a spring-kafka consumer factory creates, with the same
 * tag keys as Kafka Streams' clients. Prometheus gives one name one set of label keys, so spring-kafka's own
 * MicrometerConsumerListener, which adds {@code spring.id}, would make the registry drop the other set: the Streams
 * consumers' series of the same service (docs/metrics.md, "Consumer lag").
 */
public final class ConsumerMeters<K, V> implements ConsumerFactory.Listener<K, V> {

    private final MeterRegistry registry;
    private final Map<String, KafkaClientMetrics> bound = new ConcurrentHashMap<>();

    public ConsumerMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void consumerAdded(String id, Consumer<K, V> consumer) {
        bound.computeIfAbsent(id, key -> {
            KafkaClientMetrics metrics = new KafkaClientMetrics(consumer);
            metrics.bindTo(registry);
            return metrics;
        });
    }

    @Override
    public void consumerRemoved(String id, Consumer<K, V> consumer) {
        KafkaClientMetrics metrics = bound.remove(id);
        if (metrics != null) {
            metrics.close();
        }
    }
}
