package io.channelhub.ops;

import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** A topic's partitions, looked up once per command, with the operator's errors named. */
final class Partitions {
    private Partitions() {
    }

    /**
     * @throws UsageException when the topic does not exist (the brokers do not create topics on demand)
     */
    static List<TopicPartition> of(Consumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
        if (partitions.isEmpty()) {
            throw new UsageException("topic '" + topic + "' does not exist");
        }
        return partitions;
    }

    /**
     * All of them, or only the one asked for.
     *
     * @param partition null for all
     * @throws UsageException when the topic has no such partition
     */
    static List<TopicPartition> select(List<TopicPartition> all, Integer partition) {
        if (partition == null) {
            return all;
        }
        return all.stream().filter(p -> p.partition() == partition).findFirst().map(List::of)
                .orElseThrow(() -> new UsageException("topic '" + all.get(0).topic() + "' has no partition "
                        + partition + " (it has " + all.size() + ": 0.." + (all.size() - 1) + ")"));
    }
}
