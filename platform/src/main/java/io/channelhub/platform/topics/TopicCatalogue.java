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
        List<NewTopic> topics = newTopics(partitions, replicationFactor);
        topics.add(new NewTopic(ReferenceTable.tableTopic(serviceName, Topics.DIRECTORY_EVENTS), partitions,
                replicationFactor).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        return topics;
    }

    public static List<NewTopic> newTopics(int partitions, short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(topic, partitions, replicationFactor));
            topics.add(new NewTopic(Topics.dlt(topic), partitions, replicationFactor));
        }
        return topics;
    }
}
