package io.channelhub.platform.web;

import io.channelhub.schemas.serde.EventSerde;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Publishes a command that arrived over HTTP (a decision link used, say) and waits for the broker's
 * acknowledgement, so a 2xx answer means the command is durable. Built from spring.kafka.* so bootstrap and
 * security settings are the Streams app's; closed with the context.
 */
public final class CommandPublisher implements DisposableBean {

    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final DefaultKafkaProducerFactory<String, SpecificRecord> factory;
    private final KafkaTemplate<String, SpecificRecord> template;

    private CommandPublisher(DefaultKafkaProducerFactory<String, SpecificRecord> factory) {
        this.factory = factory;
        this.template = new KafkaTemplate<>(factory);
    }

    public static CommandPublisher create(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildProducerProperties();
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        // a request thread must not hang for the client's default minute when the broker is away
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new CommandPublisher(new DefaultKafkaProducerFactory<>(config, new StringSerializer(),
                new EventSerde()));
    }

    /**
     * @throws ErrorResponseException 503 NOT_RECORDED when the broker did not acknowledge in time; safe to retry,
     *                                since a command's id derives from what was submitted
     */
    public void publish(String topic, String key, SpecificRecord command) {
        try {
            template.send(topic, key, command).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notRecorded();
        } catch (ExecutionException | TimeoutException e) {
            throw notRecorded();
        }
    }

    /**
     * The id of the command a decision link submits: derived from a digest of the token, not the token itself.
     * Event ids are logged and stored everywhere, and the token is a bearer credential that must not be
     * recoverable from them. The same link used twice yields the same id, which the topology applies once (X2).
     */
    public static String commandId(String token, String kind) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return io.channelhub.platform.ids.EventIds.derive(HexFormat.of().formatHex(digest), kind, 0);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    @Override
    public void destroy() {
        factory.destroy();
    }

    private static ErrorResponseException notRecorded() {
        return Problems.unavailable("NOT_RECORDED", "Your decision could not be recorded right now. "
                + "Please use the same link again in a few minutes; it is counted only once.");
    }
}
