package io.channelhub.billing;

import io.channelhub.billing.domain.migration.MigrationSettings;
import io.channelhub.billing.domain.reseller.ResellerSettings;
import io.channelhub.billing.stream.BillingMetrics;
import io.channelhub.billing.stream.BillingSettings;
import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.platform.testing.KafkaAclDoc;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** docs/security.md lists exactly the ACLs billing-service uses. */
class KafkaAclsTest {

    @Test
    void theDocumentedAclsAreWhatTheServiceUses() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaAclDoc.read().assertDescribes(KafkaAclDoc.expected(BillingTopology.SERVICE,
                BillingTopology.build(new BillingSettings(Duration.ofHours(1)),
                        ResellerSettings.standard(new BigDecimal("12")), MigrationSettings.standard(),
                        new BillingMetrics(registry), registry, Duration.ofDays(30)),
                KafkaAclDoc.defaults(BillingTopology.SERVICE)));
    }
}
