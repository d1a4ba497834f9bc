package io.channelhub.billing;

import io.channelhub.billing.domain.migration.MigrationSettings;
import io.channelhub.billing.domain.reseller.ResellerSettings;
import io.channelhub.billing.stream.BillingMetrics;
import io.channelhub.billing.stream.BillingSettings;
import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.billing.stream.DocumentNumbering;
import io.channelhub.documents.Issuer;
import io.channelhub.platform.metrics.KnownSeries;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * Postpaid billing (SPEC B1–B4, D6, D8–D10), the migration from prepaid (B5–B7) and the reseller programme
 * (R1–R7). Defaults in
 * billing-service.properties; env vars override.
 */
@SpringBootApplication
@PropertySource("classpath:billing-service.properties")
public class BillingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(BillingServiceApplication.class, args);
    }

    /** The marketplace on every document (D-96): {@code channelhub.issuer.*} over the documents module's defaults. */
    @Bean
    Issuer issuer(org.springframework.core.env.Environment environment) {
        java.util.Properties overrides = new java.util.Properties();
        for (String key : List.of("id", "name", "address", "taxId", "bank", "iban", "bic")) {
            String value = environment.getProperty("channelhub.issuer." + key);
            if (value != null) {
                overrides.setProperty(key, value);
            }
        }
        return Issuer.configured(overrides);
    }

    @Bean
    BillingMetrics billingMetrics(MeterRegistry registry) {
        return new BillingMetrics(registry);
    }

    /**
     * The counters' series at 0 from the start (Spring Boot binds every MeterBinder bean to the registry); the
     * invoice counters in each currency of channelhub.metrics.currencies.
     */
    @Bean
    KnownSeries billingSeries(@Value("${channelhub.metrics.currencies}") List<String> currencies) {
        return BillingMetrics.knownSeries(currencies);
    }

    @Bean
    Topology billingTopology(BillingMetrics metrics, MeterRegistry registry,
            @Value("${channelhub.billing.statement-delay}") Duration statementDelay,
            @Value("${channelhub.reseller.default-discount-percent}") BigDecimal defaultDiscount,
            @Value("${channelhub.reseller.annual-interest-percent}") BigDecimal annualInterest,
            @Value("${channelhub.reseller.payment-term-days}") int paymentTermDays,
            @Value("${channelhub.reseller.temporary-licence-days}") int temporaryLicenceDays,
            @Value("${channelhub.migration.last-days-refused}") int lastDaysRefused,
            @Value("${channelhub.migration.final-trial-days}") int finalTrialDays,
            @Value("${channelhub.migration.near-renewal-days}") int nearRenewalDays,
            @Value("${channelhub.migration.trial-reminder-days}") int trialReminderDays,
            @Value("${channelhub.dedupe-retention}") Duration dedupeRetention, Issuer issuer) {
        Topology topology = BillingTopology.build(new BillingSettings(statementDelay),
                new ResellerSettings(defaultDiscount, annualInterest, paymentTermDays, temporaryLicenceDays),
                new MigrationSettings(lastDaysRefused, finalTrialDays, nearRenewalDays, trialReminderDays), metrics,
                registry, dedupeRetention);
        DocumentNumbering.addTo(topology, issuer.id(), registry);
        return topology;
    }
}
