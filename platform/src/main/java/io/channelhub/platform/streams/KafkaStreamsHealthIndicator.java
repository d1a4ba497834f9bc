package io.channelhub.platform.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** {@code /actuator/health} shows the Streams state: UP while RUNNING or REBALANCING, DOWN otherwise. */
public final class KafkaStreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsRunner runner;

    public KafkaStreamsHealthIndicator(StreamsRunner runner) {
        this.runner = runner;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams.State state = runner.state();
        (state.isRunningOrRebalancing() ? builder.up() : builder.down()).withDetail("state", state.name());
        KafkaStreams streams = runner.streams();
        if (streams != null) {
            builder.withDetail("threads", streams.metadataForLocalThreads().size());
        }
    }
}
