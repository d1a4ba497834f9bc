package io.channelhub.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelhub.platform.streams.StreamsRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The TLS and SASL/SCRAM settings of docs/security.md, given as environment variables, reach every Kafka client
 * a service builds: the Streams app's own clients (main, restore and global consumers, producer, admin), and the
 * producers, consumers and admin clients built from {@link KafkaProperties}.
 */
class KafkaClientSecurityTest {

    static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"channelhub-transfer-service\" password=\"s3cret\";";

    @TempDir
    Path dir;

    @Test
    void theDocumentedEnvironmentVariablesReachStreamsAndEveryClientItCreates() throws IOException {
        KafkaProperties kafka = bind(securityEnvironment());
        Properties streams = StreamsRunner.settings(kafka.buildStreamsProperties());
        streams.put(StreamsConfig.APPLICATION_ID_CONFIG, "channelhub-transfer-service");
        StreamsConfig config = new StreamsConfig(streams);

        List<Map<String, Object>> clients = List.of(config.getMainConsumerConfigs("group", "client", 0),
                config.getRestoreConsumerConfigs("client"), config.getGlobalConsumerConfigs("client"),
                config.getProducerConfigs("client"), config.getAdminConfigs("client"));

        clients.forEach(this::assertSecured);
    }

    @Test
    void theDocumentedEnvironmentVariablesReachProducersConsumersAndAdminClients() throws IOException {
        KafkaProperties kafka = bind(securityEnvironment());

        List.of(kafka.buildProducerProperties(), kafka.buildConsumerProperties(), kafka.buildAdminProperties())
                .forEach(this::assertSecured);
    }

    @Test
    void anSslBundleWhichTheServicesClientsWouldIgnoreFailsTheStart() {
        KafkaProperties kafka = bind(Map.of("SPRING_KAFKA_SSL_BUNDLE", "kafka"));

        assertThatThrownBy(() -> KafkaClientSecurity.rejectSslBundles(kafka)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.kafka.ssl.bundle is not supported")
                .hasMessageContaining("spring.kafka.ssl.trust-store-location");
        KafkaProperties perClient = bind(Map.of("SPRING_KAFKA_STREAMS_SSL_BUNDLE", "kafka"));
        assertThatThrownBy(() -> KafkaClientSecurity.rejectSslBundles(perClient))
                .hasMessageContaining("spring.kafka.streams.ssl.bundle");
        KafkaClientSecurity.rejectSslBundles(bind(Map.of()));
    }

    private Map<String, Object> securityEnvironment() throws IOException {
        Path truststore = Files.createFile(dir.resolve("truststore.p12"));
        Map<String, Object> env = new HashMap<>();
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9093,kafka-2:9093");
        env.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", JAAS);
        env.put("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:" + truststore);
        env.put("SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", "changeit");
        env.put("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12");
        return env;
    }

    private void assertSecured(Map<String, Object> client) {
        assertThat(String.valueOf(client.get("bootstrap.servers"))).contains("kafka-1:9093", "kafka-2:9093");
        assertThat(client).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.location", dir.resolve("truststore.p12").toString())
                .containsEntry("ssl.truststore.password", "changeit")
                .containsEntry("ssl.truststore.type", "PKCS12");
    }

    /** Binds spring.kafka.* as a service would from these environment variables (Spring's relaxed binding). */
    private static KafkaProperties bind(Map<String, Object> env) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-"
                + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
        return Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class);
    }
}
