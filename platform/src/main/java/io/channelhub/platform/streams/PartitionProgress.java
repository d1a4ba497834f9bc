package io.channelhub.platform.streams;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * X1's health: which input partitions have records waiting but have not advanced for the stall timeout, and
 * whether the stream threads keep failing. Fed by {@link StreamsRunner}'s periodic look at the broker (committed
 * offsets against the last stable offsets) and by its uncaught-exception handler; read by the health indicator
 * and a gauge. Pure bookkeeping, the time is given.
 */
public final class PartitionProgress {

    /** One input partition's position as last seen: where it was committed and since when it has not moved. */
    record Seen(long committed, long end, Instant since) {
    }

    /** A partition that is stuck: records waiting at {@code committed}, {@code end - committed} of them, since when. */
    public record Stall(String partition, long committed, long waiting, Instant since) {
    }

    private final Duration stallTimeout;
    private final int failuresToBeDown;
    private final Clock clock;
    private final Map<String, Seen> partitions = new HashMap<>();
    private final Deque<Instant> failures = new ArrayDeque<>();

    public PartitionProgress(Duration stallTimeout, int failuresToBeDown, Clock clock) {
        this.stallTimeout = stallTimeout;
        this.failuresToBeDown = failuresToBeDown;
        this.clock = clock;
    }

    /**
     * The broker's view of this instance's active input partitions: committed offset and last stable offset
     * ({@code end}) by {@code topic-partition}. Partitions not in it are no longer this instance's.
     */
    public synchronized void observe(Map<String, long[]> committedAndEnd) {
        Instant now = clock.instant();
        partitions.keySet().retainAll(committedAndEnd.keySet());
        committedAndEnd.forEach((partition, offsets) -> {
            Seen before = partitions.get(partition);
            long committed = offsets[0];
            long end = offsets[1];
            boolean moved = before == null || before.committed() != committed || committed >= end;
            partitions.put(partition, new Seen(committed, end, moved ? now : before.since()));
        });
    }

    /** A stream thread failed (and was replaced). */
    public synchronized void threadFailed() {
        failures.addLast(clock.instant());
        prune();
    }

    /** Partitions with records waiting that have not advanced for the stall timeout, by name. */
    public synchronized List<Stall> stalls() {
        Instant limit = clock.instant().minus(stallTimeout);
        Map<String, Stall> stalled = new TreeMap<>();
        partitions.forEach((partition, seen) -> {
            if (seen.end() > seen.committed() && !seen.since().isAfter(limit)) {
                stalled.put(partition, new Stall(partition, seen.committed(), seen.end() - seen.committed(),
                        seen.since()));
            }
        });
        return List.copyOf(stalled.values());
    }

    /** Thread failures within the stall timeout. */
    public synchronized int recentFailures() {
        prune();
        return failures.size();
    }

    /** Ready unless a partition is stuck or threads keep failing. */
    public boolean healthy() {
        return stalls().isEmpty() && recentFailures() < failuresToBeDown;
    }

    private void prune() {
        Instant limit = clock.instant().minus(stallTimeout);
        while (!failures.isEmpty() && failures.peekFirst().isBefore(limit)) {
            failures.removeFirst();
        }
    }
}
