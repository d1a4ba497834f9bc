package io.channelhub.platform.testing;

import io.channelhub.platform.PlatformDefaults;
import io.channelhub.platform.topics.TopicCatalogue;
import io.channelhub.schemas.serde.EventSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to the real (embedded) broker in tests: create the catalogue's topics, publish events or raw bytes, read
 * a topic back. The broker is the one spring-kafka-test's global listener starts once per test JVM
 * (junit-platform.properties), found through the {@code spring.embedded.kafka.brokers} system property.
 */
public final class KafkaTestClient implements AutoCloseable {

    public static final String BROKERS_PROPERTY = "spring.embedded.kafka.brokers";

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;
    private final EventSerde serde = new EventSerde();

    public KafkaTestClient(String bootstrap) {
        this.bootstrap = bootstrap;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** A client for the test JVM's shared embedded broker. */
    public static KafkaTestClient embedded() {
        return new KafkaTestClient(brokers());
    }

    public static String brokers() {
        String brokers = System.getProperty(BROKERS_PROPERTY);
        if (brokers == null) {
            throw new IllegalStateException("No embedded broker: add junit-platform.properties with "
                    + "spring.kafka.global.embedded.enabled=true to the module's test resources");
        }
        return brokers;
    }

    public String bootstrap() {
        return bootstrap;
    }

    /** Creates every catalogue topic and its DLT (the shared defaults' partitions), ignoring those that exist. */
    public KafkaTestClient createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            for (NewTopic topic : TopicCatalogue.newTopics(PlatformDefaults.topics())) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    public void send(String topic, String key, SpecificRecord event) {
        sendRaw(topic, key, serde.encode(event));
    }

    /** Sends the events back to back, in order, waiting only once for all of them: a backlog in one go. */
    public void sendAll(String topic, String key, List<? extends SpecificRecord> events) {
        List<java.util.concurrent.Future<?>> sent = events.stream()
                .<java.util.concurrent.Future<?>>map(event -> producer.send(new ProducerRecord<>(topic, key,
                        serde.encode(event))))
                .toList();
        producer.flush();
        try {
            for (var each : sent) {
                each.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendRaw(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every committed record now in the topic, from the start (raw values, headers intact). */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end in 10 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The decoded events now in a topic, of one type. */
    public <T extends SpecificRecord> List<T> events(String topic, Class<T> type) {
        return readAll(topic).stream().map(r -> serde.decode(r.value())).filter(type::isInstance).map(type::cast)
                .toList();
    }

    /** Waits until the topic holds at least {@code count} events of a type matching the filter; returns them. */
    public <T extends SpecificRecord> List<T> await(String topic, Class<T> type, Predicate<T> filter, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<T> matching = List.of();
        while (System.nanoTime() < deadline) {
            matching = events(topic, type).stream().filter(filter).toList();
            if (matching.size() >= count) {
                return matching;
            }
            sleep(200);
        }
        throw new AssertionError("Expected " + count + " " + type.getSimpleName() + " on " + topic + " within "
                + timeout + ", found " + matching.size());
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
