package io.channelhub.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The broker to talk to, shared by every command, and the clients for it. Timeouts are short: an operator at a
 * terminal wants "broker unreachable" in seconds, not after the clients' default minute. A secured cluster's client
 * settings (TLS, SASL) come from a properties file, as with Kafka's own tools' --command-config; their values are
 * never printed (Kafka's clients log passwords and JAAS configuration as [hidden]).
 */
final class KafkaOptions {

    static final String ENV_BOOTSTRAP = "CHANNELHUB_BOOTSTRAP_SERVERS";
    static final String ENV_COMMAND_CONFIG = "CHANNELHUB_KAFKA_CONFIG";
    private static final int TIMEOUT_MS = 15_000;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            defaultValue = "${env:" + ENV_BOOTSTRAP + ":-localhost:9092}",
            description = "Kafka brokers. Default: $" + ENV_BOOTSTRAP + ", else localhost:9092 (now: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--command-config", paramLabel = "FILE", defaultValue = "${env:" + ENV_COMMAND_CONFIG + "}",
            description = "Properties file of Kafka client settings for a secured cluster (security.protocol, "
                    + "sasl.mechanism, sasl.jaas.config, ssl.truststore.location, ...), as Kafka's own tools take it; "
                    + "applied to every client, the broker still from --bootstrap-servers. Default: $"
                    + ENV_COMMAND_CONFIG + ", else none (plaintext, no authentication).")
    Path commandConfig;

    @Mixin
    RegistryOptions registry;

    /** The codec of events on the wire, bound to the schema registry. */
    EventCodec codec() {
        registry.bind();
        return new EventCodec();
    }

    /** Idempotent, acks=all: the same guarantees the services' producers have. */
    KafkaProducer<String, byte[]> newProducer() {
        return new KafkaProducer<>(producerConfig("channelhub-ops-publish"), new StringSerializer(),
                new ByteArraySerializer());
    }

    /**
     * No group: the caller assigns partitions itself and nothing is committed, so reading a topic never moves a
     * service's offsets. read_committed hides aborted and in-flight transactional writes, as the services see it.
     */
    KafkaConsumer<String, byte[]> newConsumer() {
        return new KafkaConsumer<>(consumerConfig("channelhub-ops-tail"), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /**
     * Keys as bytes too, for commands that copy records (replay, dlt redrive): a key that is not UTF-8 would not
     * survive a round trip through a String.
     */
    KafkaProducer<byte[], byte[]> newRawProducer(String clientId) {
        return new KafkaProducer<>(producerConfig(clientId), new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * As {@link #newConsumer()}, with keys as bytes, and auto.offset.reset=none: these readers seek to exact
     * offsets, and an offset that retention removed meanwhile must fail the command, not silently jump to the end
     * of the partition (the default) and copy nothing.
     */
    KafkaConsumer<byte[], byte[]> newRawConsumer(String clientId) {
        Map<String, Object> config = new HashMap<>(consumerConfig(clientId));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    Map<String, Object> producerConfig(String clientId) {
        return withCommandConfig(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT_MS,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2 * TIMEOUT_MS));
    }

    Map<String, Object> consumerConfig(String clientId) {
        return withCommandConfig(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS));
    }

    /**
     * The --command-config file's settings under the tool's own: the file says how to connect, the tool what its
     * clients guarantee (acks, idempotence, isolation, timeouts) and where the broker is; a bootstrap.servers in the
     * file is ignored, as Kafka's tools do.
     */
    private Map<String, Object> withCommandConfig(Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>();
        if (commandConfig != null && !commandConfig.toString().isBlank()) {
            commandConfigFile().forEach((key, value) -> config.put((String) key, value));
            config.remove(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        }
        config.putAll(own);
        return config;
    }

    /** Read on each use: a command builds one or two clients. Errors name the file, never its contents. */
    private Properties commandConfigFile() {
        Properties props = new Properties();
        try (InputStream in = Files.newInputStream(commandConfig)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            throw new UsageException("--command-config " + commandConfig + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageException("--command-config " + commandConfig + ": not a readable properties file ("
                    + e.getClass().getSimpleName() + ")");
        }
        return props;
    }
}
