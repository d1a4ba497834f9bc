package io.channelhub.platform.metrics;

/**
 * Business metric names, one place for all services (docs/metrics.md lists them; Prometheus renders dots as
 * underscores and adds {@code _total} to counters, e.g. {@code channelhub_dlt_records_total}).
 */
public final class MetricNames {
    private MetricNames() {
    }

    public static final String PREFIX = "channelhub.";

    /** Counter, tags topic: records that could not be decoded and went to the topic's DLT. */
    public static final String DLT_RECORDS = PREFIX + "dlt.records";
    /** Counter, tags topic: inputs over a size limit (X1), answered with InputRefused or dead-lettered, never decided. */
    public static final String INPUTS_OVER_LIMIT = PREFIX + "inputs.over.limit";
    /** Counter, tags service: stream threads that failed and were replaced. */
    public static final String STREAM_THREAD_FAILURES = PREFIX + "streams.thread.failures";
    /** Gauge, tags service: input partitions with records waiting that have not advanced for the stall timeout. */
    public static final String PARTITIONS_STALLED = PREFIX + "partitions.stalled";
    /** Counter, tags service, type, reason: inputs answered with a refusal / info-requested outcome. */
    public static final String REFUSALS = PREFIX + "refusals";
    /** Counter, tags service, topic: events ignored because their id was already applied (redelivery, replay). */
    public static final String DUPLICATES = PREFIX + "duplicates.ignored";
    /** Counter, tags service, type: outcome events written. */
    public static final String OUTCOMES = PREFIX + "outcomes";
    /** Counter, tags topic: clock ticks published. */
    public static final String TICKS = PREFIX + "clock.ticks";

    /** A name in the shared namespace: {@code name("transfers", "opened")} is {@code channelhub.transfers.opened}. */
    public static String name(String area, String metric) {
        return PREFIX + area + "." + metric;
    }
}
