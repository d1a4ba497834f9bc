package io.channelhub.notification;

import io.channelhub.notification.email.EmailRenderer;
import io.channelhub.notification.email.NotificationConfig;
import io.channelhub.notification.stream.NotificationTopology;
import io.channelhub.platform.testing.KafkaAclDoc;
import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** docs/security.md lists exactly the ACLs notification-service uses. */
class KafkaAclsTest {

    @Test
    void theDocumentedAclsAreWhatTheServiceUses() {
        KafkaAclDoc.read().assertDescribes(KafkaAclDoc.expected(NotificationTopology.SERVICE,
                NotificationTopology.build(new SimpleMeterRegistry(), TestEvents.PLANNER, new EmailRenderer()),
                KafkaAclDoc.defaults(NotificationTopology.SERVICE))
                // the SMTP senders: the outbox in their own group, the audit trail and parked e-mails out
                .reads(Topics.NOTIFICATIONS_OUTBOX)
                .reads(Topics.NOTIFICATIONS_BULK_OUTBOX)
                .group(NotificationConfig.SENDER_GROUP)
                .writes(Topics.NOTIFICATIONS_EVENTS)
                .writes(Topics.NOTIFICATIONS_PARKED));
    }
}
