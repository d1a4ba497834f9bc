package io.channelhub.notification.email;

import io.channelhub.notification.stream.NotificationTopology;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties.AckMode;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.backoff.ExponentialBackOff;

/** Wiring of the outbox: the planning topology, the SMTP sender and its Kafka plumbing. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfig {

    static final String OUTBOX_FACTORY = "emailOutboxContainerFactory";

    @Bean
    Topology notificationTopology(MeterRegistry registry) {
        return NotificationTopology.build(registry, new EmailRenderer());
    }

    @Bean
    EmailSender emailSender(JavaMailSender mail, KafkaTemplate<String, SpecificRecord> events, MeterRegistry registry,
            @Value("${channelhub.mail.from}") String from) {
        return new EmailSender(mail, events, registry, from);
    }

    /** A bean, so the context closes its producer on shutdown. */
    @Bean
    DefaultKafkaProducerFactory<String, SpecificRecord> eventProducerFactory(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new EventSerde());
    }

    @Bean
    KafkaTemplate<String, SpecificRecord> eventTemplate(DefaultKafkaProducerFactory<String, SpecificRecord> factory) {
        return new KafkaTemplate<>(factory);
    }

    /** read_committed (only e-mails of committed transactions), one commit per record, back-off while SMTP is down. */
    @Bean(OUTBOX_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> outboxFactory(KafkaProperties kafka,
            @Value("${channelhub.mail.retry.initial}") Duration initial,
            @Value("${channelhub.mail.retry.max}") Duration max) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "channelhub-notification-sender");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, SpecificRecord>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new EventSerde()));
        factory.getContainerProperties().setAckMode(AckMode.RECORD);
        factory.getContainerProperties().setDeliveryAttemptHeader(true);
        ExponentialBackOff backOff = new ExponentialBackOff(initial.toMillis(), 2.0);
        backOff.setMaxInterval(max.toMillis());
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }

}
