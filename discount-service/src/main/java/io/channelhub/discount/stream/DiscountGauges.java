package io.channelhub.discount.stream;

import io.channelhub.discount.state.Discount;
import io.channelhub.discount.state.DiscountBook;
import io.channelhub.discount.state.DiscountStatus;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.StreamsRunner;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * X3: discounts by state on this instance's partitions, {@code channelhub.discounts{state=...}}. One scan of the
 * books serves every state's gauge of one scrape: counts are kept for a few seconds.
 */
public final class DiscountGauges {

    public static final String DISCOUNTS = MetricNames.name("discounts", "current");
    private static final long FRESH_MILLIS = 5_000;

    private final StreamsRunner runner;
    private Map<DiscountStatus, Long> counts = Map.of();
    private long countedAt;

    private DiscountGauges(StreamsRunner runner) {
        this.runner = runner;
    }

    public static DiscountGauges register(StreamsRunner runner, MeterRegistry registry) {
        DiscountGauges gauges = new DiscountGauges(runner);
        for (DiscountStatus status : DiscountStatus.values()) {
            Gauge.builder(DISCOUNTS, gauges, g -> g.count(status)).tag("state", status.name())
                    .description("Discounts in this state, on this instance's partitions").register(registry);
        }
        return gauges;
    }

    private synchronized double count(DiscountStatus status) {
        if (System.currentTimeMillis() - countedAt > FRESH_MILLIS) {
            counts = scan();
            countedAt = System.currentTimeMillis();
        }
        return counts == null ? Double.NaN : counts.getOrDefault(status, 0L);
    }

    /** null while the store cannot be read (starting, rebalancing). */
    private Map<DiscountStatus, Long> scan() {
        KafkaStreams streams = runner.streams();
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            return null;
        }
        try {
            ReadOnlyKeyValueStore<String, DiscountBook> books = streams.store(StoreQueryParameters.fromNameAndType(
                    DiscountTopology.BOOKS_STORE, QueryableStoreTypes.keyValueStore()));
            Map<DiscountStatus, Long> counted = new EnumMap<>(DiscountStatus.class);
            try (var all = books.all()) {
                all.forEachRemaining(entry -> {
                    for (Discount discount : entry.value.getDiscounts()) {
                        counted.merge(discount.getStatus(), 1L, Long::sum);
                    }
                });
            }
            return counted;
        } catch (InvalidStateStoreException e) {
            return null;
        }
    }
}
