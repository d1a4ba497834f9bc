package io.channelhub.discount;

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
 * Reseller discounts (SPEC D1–D10). Until its rules land it runs the intake topology: its inputs are read, bad bytes dead-lettered,
 * the rest counted as unsupported. Defaults in discount-service.properties; env vars override.
 */
@SpringBootApplication
@PropertySource("classpath:discount-service.properties")
public class DiscountServiceApplication {

    public static final String SERVICE = "discount-service";

    public static void main(String[] args) {
        SpringApplication.run(DiscountServiceApplication.class, args);
    }

    @Bean
    Topology discountTopology(MeterRegistry registry) {
        return IntakeTopology.build(SERVICE, List.of(Topics.DISCOUNTS_COMMANDS), registry);
    }
}
