package io.channelhub.transfer;

import io.channelhub.transfer.domain.TransferDecider;
import io.channelhub.transfer.domain.TransferSettings;
import io.channelhub.transfer.stream.TransferMetrics;
import io.channelhub.transfer.stream.TransferTopology;
import io.channelhub.platform.deadlines.DeadlineIndex;
import io.channelhub.platform.metrics.KnownSeries;
import io.channelhub.platform.streams.StreamsRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
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
    TransferDecider transferDecider(@Value("${channelhub.transfer.remind-after}") Duration remindAfter,
            @Value("${channelhub.transfer.expire-after}") Duration expireAfter) {
        return new TransferDecider(new TransferSettings(remindAfter, expireAfter));
    }

    @Bean
    TransferMetrics transferMetrics(MeterRegistry registry) {
        return new TransferMetrics(registry);
    }

    /** The counters' series at 0 from the start: Spring Boot binds every MeterBinder bean to the registry. */
    @Bean
    KnownSeries transferSeries() {
        return TransferMetrics.knownSeries();
    }

    /** Open transfers on this instance: each has exactly one entry in its partition's deadline index. */
    @Bean
    Gauge openTransfers(StreamsRunner runner, MeterRegistry registry) {
        return Gauge.builder(TransferMetrics.OPEN, runner, TransferServiceApplication::countOpen)
                .description("Transfers waiting for information or consent, on this instance's partitions")
                .register(registry);
    }

    private static double countOpen(StreamsRunner runner) {
        KafkaStreams streams = runner.streams();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            return Double.NaN;
        }
        try {
            return DeadlineIndex.scheduled(streams.store(StoreQueryParameters.fromNameAndType(
                    TransferTopology.DEADLINES_STORE, QueryableStoreTypes.<String, String>keyValueStore())));
        } catch (InvalidStateStoreException e) {
            return Double.NaN;
        }
    }

    @Bean
    Topology transferTopology(TransferDecider decider, TransferMetrics metrics, MeterRegistry registry,
            @Value("${channelhub.dedupe-retention}") Duration dedupeRetention) {
        return TransferTopology.build(decider, metrics, registry, dedupeRetention);
    }
}
