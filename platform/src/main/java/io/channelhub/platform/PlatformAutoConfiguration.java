package io.channelhub.platform;

import io.channelhub.platform.clock.ClockTicker;
import io.channelhub.platform.streams.KafkaStreamsHealthIndicator;
import io.channelhub.platform.streams.StreamsRunner;
import io.channelhub.platform.topics.TopicCatalogue;
import io.channelhub.schemas.serde.EventSerde;
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

    @Bean
    EventSerde eventSerde() {
        return new EventSerde();
    }

    /** Before any client connects: settings the services' own Kafka clients would silently ignore fail the start. */
    @Bean
    InitializingBean kafkaClientSecurityCheck(KafkaProperties kafka) {
        return () -> KafkaClientSecurity.rejectSslBundles(kafka);
    }

    @Bean
    KafkaAdmin.NewTopics channelHubTopics(ChannelHubProperties props) {
        return new KafkaAdmin.NewTopics(TopicCatalogue.newTopics(props.topics().partitions(),
                props.topics().replicationFactor(), props.serviceName(), props.topics().referenceTables(),
                props.topics().own()).toArray(NewTopic[]::new));
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
