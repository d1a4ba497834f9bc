package io.channelhub.platform;

import io.channelhub.platform.clock.ClockTicker;
import io.channelhub.platform.streams.KafkaStreamsHealthIndicator;
import io.channelhub.platform.streams.StreamsRunner;
import io.channelhub.platform.topics.TopicCatalogue;
import io.channelhub.schemas.registry.ConfluentRegistryClient;
import io.channelhub.schemas.registry.EventSubjects;
import io.channelhub.schemas.registry.SchemaRegistry;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.schemas.serde.EventWire;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What every service gets by depending on platform: topics provisioned, its topology run with the shared
 * Streams settings, Streams state in /actuator/health, the clock ticker when enabled. Common defaults come
 * from {@link PlatformDefaults}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(ChannelHubProperties.class)
public class PlatformAutoConfiguration {

    /**
     * The registry at {@code channelhub.schema-registry.url}; without one, the registry this JVM's serdes are
     * already bound to (a test's, or the local stack's), else the service does not start.
     */
    @Bean
    SchemaRegistry schemaRegistry(ChannelHubProperties props) {
        String url = props.schemaRegistry().url();
        if (url == null || url.isBlank()) {
            return EventWire.registry().orElseThrow(() -> new IllegalStateException(
                    "channelhub.schema-registry.url is not set: the Confluent API root of the schema registry, e.g. "
                            + "http://localhost:8085/apis/ccompat/v7 (docs/events.md, Wire format)"));
        }
        ConfluentRegistryClient client = new ConfluentRegistryClient(url);
        return EventWire.registry().filter(bound -> bound.location().equals(client.location())).orElse(client);
    }

    /**
     * Binds this JVM's serdes to the registry and registers every event schema at start, each subject at its
     * compatibility level: a schema the registry refuses stops the start, before any record is written with it.
     * Singletons are made before any lifecycle starts, so no topology, ticker or listener encodes before this.
     */
    @Bean
    EventSerde eventSerde(SchemaRegistry registry) {
        EventWire.use(registry);
        EventSubjects.registerAll(registry);
        return new EventSerde();
    }

    /** Before any client connects: settings the services' own Kafka clients would silently ignore fail the start. */
    @Bean
    InitializingBean kafkaClientSecurityCheck(KafkaProperties kafka) {
        return () -> KafkaClientSecurity.rejectSslBundles(kafka);
    }

    @Bean
    KafkaAdmin.NewTopics channelHubTopics(ChannelHubProperties props) {
        return new KafkaAdmin.NewTopics(TopicCatalogue.newTopics(props.topics(), props.serviceName())
                .toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnBean(Topology.class)
    StreamsRunner streamsRunner(Topology topology, KafkaProperties kafka, MeterRegistry registry,
            ChannelHubProperties props) {
        return new StreamsRunner(topology, kafka.buildStreamsProperties(), registry, props.serviceName(),
                props.streams());
    }

    @Bean
    @ConditionalOnBean(StreamsRunner.class)
    KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsRunner runner) {
        return new KafkaStreamsHealthIndicator(runner);
    }

    @Bean
    @ConditionalOnProperty(name = "channelhub.clock.enabled", havingValue = "true")
    ClockTicker clockTicker(ChannelHubProperties props, KafkaProperties kafka, MeterRegistry registry) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(),
                new EventSerde());
        return new ClockTicker(producer, props.clock().topics(), props.clock().period(), props.serviceName(),
                Clock.systemUTC(), registry);
    }
}
