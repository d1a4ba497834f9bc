package io.channelhub.billing;

import io.channelhub.billing.domain.migration.MigrationSettings;
import io.channelhub.billing.domain.reseller.ResellerSettings;
import io.channelhub.billing.stream.BillingMetrics;
import io.channelhub.billing.stream.BillingSettings;
import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.billing.stream.DocumentNumbering;
import io.channelhub.platform.testing.KafkaAclDoc;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/** docs/security.md lists exactly the ACLs billing-service uses. */
class KafkaAclsTest {

    @Test
    void theDocumentedAclsAreWhatTheServiceUses() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Topology topology = BillingTopology.build(new BillingSettings(Duration.ofHours(1)),
                ResellerSettings.standard(new BigDecimal("12")), MigrationSettings.standard(),
                new BillingMetrics(registry), registry, Duration.ofDays(30));
        DocumentNumbering.addTo(topology, "CH", registry);
        KafkaAclDoc.read().assertDescribes(KafkaAclDoc.expected(BillingTopology.SERVICE, topology,
                KafkaAclDoc.defaults(BillingTopology.SERVICE)));
    }
}
