package io.channelhub.platform.topics;

import io.channelhub.schemas.Topics;
import java.util.ArrayList;
import io.channelhub.platform.streams.ReferenceTable;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * The topics a service makes sure exist at start: every topic of the catalogue and its DLT, and the service's
 * compacted reference tables; one partition count everywhere.
 */
public final class TopicCatalogue {
    private TopicCatalogue() {
    }

    public static List<NewTopic> newTopics(int partitions, short replicationFactor, String serviceName) {
        return newTopics(partitions, replicationFactor, serviceName, List.of(Topics.DIRECTORY_EVENTS), List.of());
    }

    /** The catalogue, the service's compacted copies of {@code referenceTopics}, and its {@code own} topics. */
    public static List<NewTopic> newTopics(int partitions, short replicationFactor, String serviceName,
            List<String> referenceTopics, List<String> own) {
        List<NewTopic> topics = newTopics(partitions, replicationFactor);
        for (String reference : referenceTopics) {
            topics.add(new NewTopic(ReferenceTable.tableTopic(serviceName, reference), partitions, replicationFactor)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        for (String topic : own) {
            topics.add(new NewTopic(topic, partitions, replicationFactor).configs(maxRecord(Topics.OWN_MAX_BYTES)));
        }
        return topics;
    }

    /**
     * Every topic and its DLT, with their record sizes (X1): upstream topics take what the broker takes by default,
     * everything the services write takes {@link Topics#OWN_MAX_BYTES}, so every accepted input fits in its DLT.
     */
    public static List<NewTopic> newTopics(int partitions, short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, partitions, replicationFactor).configs(maxRecord(
                    Topics.UPSTREAM.contains(topic) ? Topics.INPUT_MAX_BYTES : Topics.OWN_MAX_BYTES)));
            topics.add(new NewTopic(Topics.dlt(topic), partitions, replicationFactor)
                    .configs(maxRecord(Topics.OWN_MAX_BYTES)));
        }
        return topics;
    }

    private static Map<String, String> maxRecord(int bytes) {
        return Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes));
    }
}
