package io.channelhub.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.PlatformDefaults;
import io.channelhub.schemas.Topics;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** One partition count for every topic that shares keys with another; a topic given a count of its own, that. */
class TopicCatalogueTest {

    @Test
    void everyTopicHasTheSharedDefaultCount() {
        assertThat(TopicCatalogue.newTopics(PlatformDefaults.topics(), "billing-service"))
                .extracting(NewTopic::numPartitions).containsOnly(3);
    }

    // D-129: the outbox (and its DLT) with a count of its own; every other topic, tables and own topics included,
    // keeps the one count
    @Test
    void aTopicGivenItsOwnCountHasItAndEveryOtherTheOne() {
        Map<String, Integer> partitions = TopicCatalogue.newTopics(PlatformDefaults.topics(Map.of(
                                "channelhub.topics.partitions-of[notifications.outbox]", "6"))
                        .with(List.of(Topics.DIRECTORY_EVENTS), List.of("billing-service.payout-lines")),
                        "billing-service")
                .stream().collect(Collectors.toMap(NewTopic::name, NewTopic::numPartitions));

        assertThat(partitions).containsEntry(Topics.NOTIFICATIONS_OUTBOX, 6)
                .containsEntry(Topics.dlt(Topics.NOTIFICATIONS_OUTBOX), 6)
                .containsEntry(Topics.NOTIFICATIONS_BULK_OUTBOX, 3)
                .containsEntry(Topics.TRANSFERS_COMMANDS, 3)
                .containsEntry("billing-service.directory.events.table", 3)
                .containsEntry("billing-service.payout-lines", 3);
        assertThat(partitions.entrySet().stream().filter(topic -> topic.getValue() != 3).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder(Topics.NOTIFICATIONS_OUTBOX, Topics.dlt(Topics.NOTIFICATIONS_OUTBOX));
    }
}
