package io.channelhub.platform.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.PlatformDefaults;
import io.channelhub.platform.testing.KafkaAclDoc;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;

/** docs/security.md: every service provisions the whole catalogue at start, so each may create and describe it. */
class TopicProvisioningAclsTest {

    @Test
    void everyServiceMayCreateAndDescribeEachCatalogueTopicAndItsDeadLetterTopic() {
        List<KafkaAclDoc.Row> expected = TopicCatalogue.newTopics(PlatformDefaults.topics()).stream().map(NewTopic::name)
                .map(topic -> new KafkaAclDoc.Row(ResourceType.TOPIC, PatternType.LITERAL, topic,
                        Set.of(AclOperation.CREATE, AclOperation.DESCRIBE)))
                .toList();

        assertThat(KafkaAclDoc.read().table(KafkaAclDoc.EVERY_SERVICE)).containsExactlyInAnyOrderElementsOf(expected);
    }
}
