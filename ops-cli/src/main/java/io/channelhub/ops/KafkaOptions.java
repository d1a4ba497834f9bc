package io.channelhub.ops;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Option;

/**
 * The broker to talk to, shared by every command, and the clients for it. Timeouts are short: an operator at a
 * terminal wants "broker unreachable" in seconds, not after the clients' default minute.
 */
final class KafkaOptions {

    static final String ENV_BOOTSTRAP = "CHANNELHUB_BOOTSTRAP_SERVERS";
    private static final int TIMEOUT_MS = 15_000;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            defaultValue = "${env:" + ENV_BOOTSTRAP + ":-localhost:9092}",
            description = "Kafka brokers. Default: $" + ENV_BOOTSTRAP + ", else localhost:9092 (now: ${DEFAULT-VALUE}).")
    String bootstrapServers;

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

    private Map<String, Object> producerConfig(String clientId) {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT_MS,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2 * TIMEOUT_MS);
    }

    private Map<String, Object> consumerConfig(String clientId) {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
    }
}
