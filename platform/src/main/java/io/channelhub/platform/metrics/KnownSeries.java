package io.channelhub.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The series of a counter that exist from the start, at 0: every combination of label values known in advance
 * (outcomes, kinds, templates, refusal codes from their enums, currencies and topics from configuration).
 * Prometheus's {@code increase()} and {@code rate()} need a series' earlier sample to count its growth: a counter
 * born by its first event at 1 (or at 14 after a first scrape came late) would read 0 on every panel and alert.
 *
 * <p>A service declares its known series as a {@link MeterBinder} bean; Spring Boot binds every such bean to the
 * registry while the context starts, before Kafka Streams processes anything. Incrementing later with
 * {@code registry.counter(name, tags...)} finds the same counter. Label values that cannot be known in advance
 * (an event type unsupported on a topic, a currency not configured) are born with their first event: the
 * expressions in ops/ count a series' birth (docs/metrics.md, "Counting").
 *
 * <pre>{@code
 * KnownSeries.counters(TRANSFERS).tag("kind", TransferKind.values()).tag("outcome", "opened", "completed")
 *     .and(KnownSeries.counters(TRANSFERS).tag("kind", "unknown").tag("outcome", "refused"))
 * }</pre>
 */
public final class KnownSeries implements MeterBinder {

    /** One counter series: its name and tags. */
    public record Series(String name, Tags tags) {
    }

    private final List<Series> series;

    private KnownSeries(List<Series> series) {
        this.series = List.copyOf(series);
    }

    /** One series of each name, without tags so far; add tags with {@link #tag}. */
    public static KnownSeries counters(String... names) {
        return new KnownSeries(Arrays.stream(names).map(name -> new Series(name, Tags.empty())).toList());
    }

    /**
     * {@code channelhub_refusals_total} of one service: each of these types (event classes or names) with each of
     * these reasons (enum constants or codes).
     */
    public static KnownSeries refusals(String service, Collection<?> types, Collection<?> reasons) {
        return counters(MetricNames.REFUSALS).tag("service", service).tag("type", types).tag("reason", reasons);
    }

    /** {@code channelhub_outcomes_total} of one service: each outcome event type it writes. */
    public static KnownSeries outcomes(String service, Collection<? extends Class<?>> eventTypes) {
        return counters(MetricNames.OUTCOMES).tag("service", service).tag("type", eventTypes);
    }

    /**
     * Every series so far, once with each value of {@code key} (a cartesian product: no values, no series);
     * enums by their names, classes (event types) by their simple names.
     */
    public KnownSeries tag(String key, Collection<?> values) {
        Set<String> distinct = new LinkedHashSet<>();
        values.forEach(value -> distinct.add(value instanceof Enum<?> e ? e.name()
                : value instanceof Class<?> c ? c.getSimpleName() : String.valueOf(value)));
        List<Series> product = new ArrayList<>();
        for (Series one : series) {
            distinct.forEach(value -> product.add(new Series(one.name(), one.tags().and(Tag.of(key, value)))));
        }
        return new KnownSeries(product);
    }

    public KnownSeries tag(String key, Object... values) {
        return tag(key, Arrays.asList(values));
    }

    /** These series and those of {@code other}. */
    public KnownSeries and(KnownSeries other) {
        Set<Series> union = new LinkedHashSet<>(series);
        union.addAll(other.series);
        return new KnownSeries(List.copyOf(union));
    }

    public List<Series> series() {
        return series;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        series.forEach(one -> Counter.builder(one.name()).tags(one.tags()).register(registry));
    }
}
