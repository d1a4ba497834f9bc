package io.channelhub.discount;

import io.channelhub.discount.domain.DiscountDecider;
import io.channelhub.discount.stream.DiscountGauges;
import io.channelhub.discount.stream.DiscountTopology;
import io.channelhub.platform.metrics.KnownSeries;
import io.channelhub.platform.streams.StreamsRunner;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/** Reseller discounts (SPEC D1–D10). Defaults in discount-service.properties; env vars override. */
@SpringBootApplication
@PropertySource("classpath:discount-service.properties")
public class DiscountServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiscountServiceApplication.class, args);
    }

    @Bean
    DiscountDecider discountDecider() {
        return new DiscountDecider();
    }

    /** The counters' series at 0 from the start: Spring Boot binds every MeterBinder bean to the registry. */
    @Bean
    KnownSeries discountSeries() {
        return DiscountTopology.knownSeries();
    }

    @Bean
    DiscountGauges discountGauges(StreamsRunner runner, MeterRegistry registry) {
        return DiscountGauges.register(runner, registry);
    }

    @Bean
    Topology discountTopology(DiscountDecider decider, MeterRegistry registry,
            @Value("${channelhub.dedupe-retention}") Duration dedupeRetention) {
        return DiscountTopology.build(decider, registry, dedupeRetention);
    }
}
