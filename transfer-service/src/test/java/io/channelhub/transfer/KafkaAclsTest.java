package io.channelhub.transfer;

import io.channelhub.platform.testing.KafkaAclDoc;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.domain.TransferDecider;
import io.channelhub.transfer.domain.TransferSettings;
import io.channelhub.transfer.stream.TransferMetrics;
import io.channelhub.transfer.stream.TransferTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/security.md lists exactly the ACLs transfer-service uses. */
class KafkaAclsTest {

    @Test
    void theDocumentedAclsAreWhatTheServiceUses() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaAclDoc.read().assertDescribes(KafkaAclDoc.expected(TransferTopology.SERVICE,
                TransferTopology.build(new TransferDecider(new TransferSettings(Duration.ofDays(3),
                        Duration.ofDays(14))), new TransferMetrics(registry), registry, Duration.ofDays(30)),
                KafkaAclDoc.defaults(TransferTopology.SERVICE))
                // consents submitted over HTTP (ConsentPublisher)
                .writes(Topics.TRANSFERS_COMMANDS));
    }
}
