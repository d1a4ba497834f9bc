package io.channelhub.transfer.web;

import io.channelhub.schemas.serde.EventSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The producer of approvals submitted by link: Avro events, as durable as the broker allows. */
@Configuration(proxyBeanMethods = false)
public class ConsentProducerConfig {

    /**
     * A bean (not a producer made in place) so the context closes it on shutdown. Built from spring.kafka.* so
     * bootstrap and security settings are the same as the Streams app's.
     */
    @Bean
    DefaultKafkaProducerFactory<String, SpecificRecord> consentProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // a request thread must not hang for the client's default minute when the broker is away
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new EventSerde());
    }

    @Bean
    KafkaTemplate<String, SpecificRecord> consentTemplate(
            DefaultKafkaProducerFactory<String, SpecificRecord> consentProducerFactory) {
        return new KafkaTemplate<>(consentProducerFactory);
    }
}
