package io.channelhub.bench;

import io.channelhub.localstack.DataDirectory;
import io.channelhub.platform.streams.StreamsRunner;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** What the benchmarks share: producing, counting, reading, and the identity pass-through they compare with. */
final class BenchKafka {

    private final String bootstrap;
    private final DataDirectory data;

    BenchKafka(String bootstrap, DataDirectory data) {
        this.bootstrap = bootstrap;
        this.data = data;
    }

    String bootstrap() {
        return bootstrap;
    }

    KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(),
                new ByteArraySerializer());
    }

    void send(List<ProducerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            records.forEach(producer::send);
        }
    }

    /**
     * An identity Kafka Streams app ({@code bench.<name>.in -> bench.<name>.out}, byte arrays, the services' EOS v2
     * settings and {@code overrides}) fed the same records: the floor a stateful service is judged against.
     * Returns records/s, from the first send to the last record out.
     */
    Rate passThrough(String name, List<ProducerRecord<String, byte[]>> records, Map<String, Object> overrides) {
        String in = "bench." + name + ".in";
        String out = "bench." + name + ".out";
        createTopics(List.of(new NewTopic(in, 3, (short) 1), new NewTopic(out, 3, (short) 1)));
        Topology identity = new Topology();
        identity.addSource("in", in).addSink("out", out, "in");
        Map<String, Object> base = new HashMap<>(overrides);
        base.putAll(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "bench-" + name,
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                StreamsConfig.STATE_DIR_CONFIG, data.streamsState(name).toString(),
                StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class,
                StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class));
        try (KafkaStreams streams = new KafkaStreams(identity, StreamsRunner.settings(base))) {
            streams.start();
            await(() -> streams.state() == KafkaStreams.State.RUNNING, Duration.ofSeconds(60));
            List<ProducerRecord<String, byte[]>> copy = records.stream().map(r -> new ProducerRecord<>(in, null,
                    r.timestamp(), r.key(), r.value())).toList();
            return timed(records.size(), () -> {
                send(copy);
                countUntil(out, r -> true, records.size(), Duration.ofMinutes(10));
            });
        }
    }

    double passThrough(String name, List<ProducerRecord<String, byte[]>> records) {
        return passThrough(name, records, Map.of()).perSecond();
    }

    /**
     * Records per second of wall time, and per second of this JVM's CPU time (broker, clients and services
     * together): on a machine shared with other builds the wall-time rate follows their load, the CPU rate much
     * less, so both are reported. And what the broker's logs took per record sent, by topic: every entry appended to
     * any partition (the records sent, outputs, changelogs, transaction markers, offsets, transaction state).
     */
    record Rate(double perSecond, double perCpuSecond, Map<String, Double> entriesByTopic) {

        /** Entries per record sent, the records sent themselves left out. */
        double writesPerRecord() {
            return entriesByTopic.values().stream().mapToDouble(Double::doubleValue).sum() - 1;
        }

        /** The two runs' mean; their topics are their own, so the entries are summed by topic and halved. */
        Rate meanWith(Rate other) {
            Map<String, Double> entries = new TreeMap<>();
            entriesByTopic.forEach((topic, n) -> entries.merge(topic, n / 2, Double::sum));
            other.entriesByTopic.forEach((topic, n) -> entries.merge(topic, n / 2, Double::sum));
            return new Rate((perSecond + other.perSecond) / 2, (perCpuSecond + other.perCpuSecond) / 2, entries);
        }
    }

    /** {@code work}, which sends {@code records} records and waits for what they give, timed. */
    Rate timed(int records, Runnable work) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Long> before = logEntriesByTopic();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        work.run();
        double seconds = seconds(start);
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        Map<String, Double> entries = new TreeMap<>();
        logEntriesByTopic().forEach((topic, now) -> {
            long written = now - before.getOrDefault(topic, 0L);
            if (written > 0) {
                entries.put(topic, (double) written / records);
            }
        });
        return new Rate(records / seconds, records / cpuSeconds, entries);
    }

    /** How many entries each topic's partitions hold, internal topics included. */
    private Map<String, Long> logEntriesByTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(names).allTopicNames().get().values().forEach(topic -> topic.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
            Map<String, Long> entries = new TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, end) -> entries.merge(partition.topic(),
                    end.offset(), Long::sum));
            return entries;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot read the log ends", e.getCause());
        }
    }

    void createTopics(List<NewTopic> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(topics).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create " + topics, e.getCause());
        }
    }

    /** Reads a topic from the start (read_committed) until {@code count} records match. */
    void countUntil(String topic, Predicate<byte[]> match, int count, Duration timeout) {
        countUntil(topic, Map.of(), match, count, timeout);
    }

    /** Where each partition of {@code topic} ends now: what a later {@link #countUntil} starts after. */
    Map<TopicPartition, Long> ends(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    /**
     * Reads a topic (read_committed) from the offsets {@code from} (from the start where it has none) until
     * {@code count} records match.
     */
    void countUntil(String topic, Map<TopicPartition, Long> from, Predicate<byte[]> match, int count,
            Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            from.forEach(consumer::seek);
            long deadline = System.nanoTime() + timeout.toNanos();
            int seen = 0;
            while (seen < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Only " + seen + " of " + count + " on " + topic);
                }
                for (var r : consumer.poll(Duration.ofMillis(100))) {
                    if (match.test(r.value())) {
                        seen++;
                    }
                }
            }
        }
    }

    List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        List<ConsumerRecord<String, byte[]>> values = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            for (int empty = 0; empty < 10; ) {
                var records = consumer.poll(Duration.ofMillis(300));
                empty = records.isEmpty() ? empty + 1 : 0;
                records.forEach(values::add);
            }
        }
        return values;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    static void await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out after " + timeout);
            }
            sleep(50);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
