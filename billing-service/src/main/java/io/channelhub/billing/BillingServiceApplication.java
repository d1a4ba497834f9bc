package io.channelhub.billing;

import io.channelhub.platform.streams.IntakeTopology;
import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.apache.kafka.streams.Topology;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/**
 * Postpaid billing and reseller orders (SPEC B1–B7, R1–R7). Until its rules land it runs the intake topology: its inputs are read, bad bytes dead-lettered,
 * the rest counted as unsupported. Defaults in billing-service.properties; env vars override.
 */
@SpringBootApplication
@PropertySource("classpath:billing-service.properties")
public class BillingServiceApplication {

    public static final String SERVICE = "billing-service";

    public static void main(String[] args) {
        SpringApplication.run(BillingServiceApplication.class, args);
    }

    @Bean
    Topology billingTopology(MeterRegistry registry) {
        return IntakeTopology.build(SERVICE, List.of(Topics.BILLING_COMMANDS, Topics.USAGE_EVENTS), registry);
    }
}
