package io.channelhub.discount;

import io.channelhub.discount.domain.DiscountDecider;
import io.channelhub.discount.stream.DiscountTopology;
import io.channelhub.platform.testing.KafkaAclDoc;
import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/security.md lists exactly the ACLs discount-service uses (KafkaSaslTest proves they are enough). */
class KafkaAclsTest {

    @Test
    void theDocumentedAclsAreWhatTheServiceUses() {
        KafkaAclDoc.read().assertDescribes(KafkaAclDoc.expected(DiscountTopology.SERVICE,
                DiscountTopology.build(new DiscountDecider(), new SimpleMeterRegistry(), Duration.ofDays(30)),
                KafkaAclDoc.defaults(DiscountTopology.SERVICE))
                // acceptances submitted over HTTP (AcceptanceController)
                .writes(Topics.DISCOUNTS_COMMANDS));
    }
}
