package io.channelhub.platform.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * {@code /actuator/health} (and readiness) shows the Streams state: UP while RUNNING or REBALANCING and every
 * input partition advances; DOWN otherwise, naming each stuck partition, or the thread failures (X1).
 */
public final class KafkaStreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsRunner runner;

    public KafkaStreamsHealthIndicator(StreamsRunner runner) {
        this.runner = runner;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams.State state = runner.state();
        PartitionProgress progress = runner.progress();
        boolean up = state.isRunningOrRebalancing() && progress.healthy();
        (up ? builder.up() : builder.down()).withDetail("state", state.name());
        KafkaStreams streams = runner.streams();
        if (streams != null) {
            builder.withDetail("threads", streams.metadataForLocalThreads().size());
        }
        var stalls = progress.stalls();
        if (!stalls.isEmpty()) {
            builder.withDetail("stalledPartitions", stalls);
        }
        int failures = progress.recentFailures();
        if (failures > 0) {
            builder.withDetail("recentThreadFailures", failures);
        }
    }
}
