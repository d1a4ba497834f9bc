package io.channelhub.platform.topics;

import io.channelhub.schemas.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;

/** The topics a service makes sure exist at start: every topic of the catalogue and its DLT, one partition count. */
public final class TopicCatalogue {
    private TopicCatalogue() {
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
