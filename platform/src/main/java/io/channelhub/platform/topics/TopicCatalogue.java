package io.channelhub.platform.topics;

import io.channelhub.platform.ChannelHubProperties.TopicSettings;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics a service makes sure exist at start: every topic of the catalogue and its DLT, and the service's
 * compacted reference tables and own topics; one partition count everywhere but where the settings say otherwise.
 */
public final class TopicCatalogue {
    private TopicCatalogue() {
    }

    /** The catalogue, and the service's compacted reference tables and own topics, as {@code settings} say. */
    public static List<NewTopic> newTopics(TopicSettings settings, String serviceName) {
        List<NewTopic> topics = newTopics(settings);
        for (String reference : settings.referenceTables()) {
            String table = ReferenceTable.tableTopic(serviceName, reference);
            topics.add(new NewTopic(table, settings.partitions(table), settings.replicationFactor())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        }
        for (String topic : settings.own()) {
            topics.add(new NewTopic(topic, settings.partitions(topic), settings.replicationFactor())
                    .configs(maxRecord(Topics.OWN_MAX_BYTES)));
        }
        return topics;
    }

    /**
     * Every topic and its DLT, with their record sizes (X1): upstream topics take what the broker takes by default,
     * everything the services write takes {@link Topics#OWN_MAX_BYTES}, so every accepted input fits in its DLT.
     */
    public static List<NewTopic> newTopics(TopicSettings settings) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            int partitions = settings.partitions(topic);
            topics.add(new NewTopic(topic, partitions, settings.replicationFactor()).configs(maxRecord(
                    Topics.UPSTREAM.contains(topic) ? Topics.INPUT_MAX_BYTES : Topics.OWN_MAX_BYTES)));
            topics.add(new NewTopic(Topics.dlt(topic), partitions, settings.replicationFactor())
                    .configs(maxRecord(Topics.OWN_MAX_BYTES)));
        }
        return topics;
    }

    private static Map<String, String> maxRecord(int bytes) {
        return Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(bytes));
    }
}
