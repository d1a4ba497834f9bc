package io.channelhub.transfer;

import io.channelhub.transfer.stream.TransferTopology;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

/** Entitlement transfers (SPEC T1–T9). Defaults in transfer-service.properties; env vars override. */
@SpringBootApplication
@PropertySource("classpath:transfer-service.properties")
public class TransferServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(TransferServiceApplication.class, args);
    }

    @Bean
    Topology transferTopology(MeterRegistry registry,
            @Value("${channelhub.dedupe-retention}") Duration dedupeRetention) {
        return TransferTopology.build(registry, dedupeRetention);
    }
}
