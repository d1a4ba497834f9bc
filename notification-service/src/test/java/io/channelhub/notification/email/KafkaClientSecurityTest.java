package io.channelhub.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** The SMTP senders' Kafka clients (outbox consumer, audit-trail producer) get spring.kafka's security settings. */
class KafkaClientSecurityTest {

    @Test
    void theOutboxConsumerAndTheEventProducerAreSecuredLikeTheStreamsApp() {
        KafkaProperties kafka = new KafkaProperties();
        kafka.getSecurity().setProtocol("SASL_SSL");
        kafka.getProperties().put("sasl.mechanism", "SCRAM-SHA-512");
        kafka.getProperties().put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule "
                + "required username=\"channelhub-notification-service\" password=\"s3cret\";");
        kafka.getSsl().setTrustStoreType("PKCS12");
        NotificationConfig config = new NotificationConfig();

        Map<String, Object> consumer = config.outboxFactory(kafka, new DefaultErrorHandler(), 1,
                new SimpleMeterRegistry()).getConsumerFactory()
                .getConfigurationProperties();
        Map<String, Object> producer = config.eventProducerFactory(kafka).getConfigurationProperties();

        for (Map<String, Object> client : List.of(consumer, producer)) {
            assertThat(client).containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsEntry("sasl.jaas.config", kafka.getProperties().get("sasl.jaas.config"))
                    .containsEntry("ssl.truststore.type", "PKCS12");
        }
        assertThat(consumer).containsEntry("group.id", NotificationConfig.SENDER_GROUP);
    }
}
