package io.channelhub.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** X1's health: not ready only while a partition with records waiting really does not move, or threads keep failing. */
class PartitionProgressTest {

    private Instant now = Instant.parse("2026-12-06T10:00:00Z");
    private final PartitionProgress progress = new PartitionProgress(Duration.ofSeconds(60), 3, new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void aPartitionWithRecordsWaitingThatDoesNotMoveForTheTimeoutIsStalled() {
        progress.observe(Map.of("transfers.commands-0", new long[] {10, 15}));
        later(59);
        progress.observe(Map.of("transfers.commands-0", new long[] {10, 15}));
        assertThat(progress.healthy()).isTrue();
        later(1);
        progress.observe(Map.of("transfers.commands-0", new long[] {10, 16}));
        assertThat(progress.stalls()).singleElement().satisfies(stall -> {
            assertThat(stall.partition()).isEqualTo("transfers.commands-0");
            assertThat(stall.committed()).isEqualTo(10);
            assertThat(stall.waiting()).isEqualTo(6);
        });
        assertThat(progress.healthy()).isFalse();

        progress.observe(Map.of("transfers.commands-0", new long[] {11, 16}));
        assertThat(progress.healthy()).as("moving again").isTrue();
    }

    @Test
    void anIdlePartitionIsNeverStalledHoweverLongItWaits() {
        progress.observe(Map.of("transfers.commands-1", new long[] {42, 42}));
        later(3600);
        progress.observe(Map.of("transfers.commands-1", new long[] {42, 42}));
        assertThat(progress.healthy()).isTrue();
    }

    @Test
    void aPartitionThatMovedToAnotherInstanceIsForgotten() {
        progress.observe(Map.of("transfers.commands-2", new long[] {1, 9}));
        later(120);
        progress.observe(Map.of());
        assertThat(progress.stalls()).isEmpty();
    }

    @Test
    void threadsFailingAgainAndAgainMakeItUnhealthyUntilTheyStop() {
        progress.threadFailed();
        progress.threadFailed();
        assertThat(progress.healthy()).isTrue();
        progress.threadFailed();
        assertThat(progress.healthy()).isFalse();
        later(61);
        assertThat(progress.recentFailures()).isZero();
        assertThat(progress.healthy()).isTrue();
    }

    private void later(long seconds) {
        now = now.plusSeconds(seconds);
    }
}
