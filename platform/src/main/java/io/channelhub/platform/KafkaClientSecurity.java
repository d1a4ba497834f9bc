package io.channelhub.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.util.StringUtils;

/**
 * Every Kafka client of a service (the Streams app and its internal clients, the clock ticker, the publisher of
 * HTTP commands, notification's outbox consumer and producer, topic provisioning) is built from
 * {@code spring.kafka.*} through {@link KafkaProperties}'s build methods, so {@code spring.kafka.security.protocol},
 * {@code spring.kafka.ssl.*} and {@code spring.kafka.properties.sasl.*} reach them all (docs/security.md).
 * An SSL bundle ({@code spring.kafka.ssl.bundle}) is the exception: Spring Boot applies it only to the clients it
 * creates itself, so the services' own clients would connect without it. Refused at start instead.
 */
final class KafkaClientSecurity {
    private KafkaClientSecurity() {
    }

    static void rejectSslBundles(KafkaProperties kafka) {
        Map<String, KafkaProperties.Ssl> ssl = new LinkedHashMap<>();
        ssl.put("spring.kafka.ssl.bundle", kafka.getSsl());
        ssl.put("spring.kafka.streams.ssl.bundle", kafka.getStreams().getSsl());
        ssl.put("spring.kafka.producer.ssl.bundle", kafka.getProducer().getSsl());
        ssl.put("spring.kafka.consumer.ssl.bundle", kafka.getConsumer().getSsl());
        ssl.put("spring.kafka.admin.ssl.bundle", kafka.getAdmin().getSsl());
        ssl.forEach((property, settings) -> {
            if (StringUtils.hasText(settings.getBundle())) {
                throw new IllegalStateException(property + " is not supported: the services build their Kafka "
                        + "clients from spring.kafka.* and Spring Boot applies an SSL bundle only to its own. Set "
                        + "spring.kafka.ssl.trust-store-location (and key-store-location for mutual TLS) and their "
                        + "passwords instead; see docs/security.md");
            }
        });
    }
}
