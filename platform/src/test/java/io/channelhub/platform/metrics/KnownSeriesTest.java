package io.channelhub.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnownSeriesTest {

    private enum Outcome { OPENED, COMPLETED }

    @Test
    void everyCombinationOfTheKnownValuesExistsAtZeroBeforeItsFirstEvent() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KnownSeries.counters("x.outcomes").tag("kind", "A", "B").tag("outcome", (Object[]) Outcome.values())
                .and(KnownSeries.counters("x.outcomes").tag("kind", "unknown").tag("outcome", "refused"))
                .bindTo(registry);

        assertThat(registry.find("x.outcomes").counters()).hasSize(5)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.get("x.outcomes").tags("kind", "B", "outcome", "COMPLETED").counter().count()).isZero();
        assertThat(registry.get("x.outcomes").tags("kind", "unknown", "outcome", "refused").counter()).isNotNull();
    }

    @Test
    void countingLaterFindsTheRegisteredSeries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KnownSeries.counters("x.sent", "x.failed").tag("template", List.of("t1", "t2")).bindTo(registry);

        registry.counter("x.failed", "template", "t2").increment();

        assertThat(registry.find("x.failed").counters()).hasSize(2);
        assertThat(registry.get("x.failed").tag("template", "t2").counter().count()).isEqualTo(1.0);
        assertThat(registry.get("x.sent").tag("template", "t1").counter().count()).isZero();
    }

    @Test
    void refusalsAndOutcomesOfAServiceByTypeNameAndReason() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KnownSeries.refusals("x-service", List.of(String.class, "LinkToken"), List.of(Outcome.OPENED, "FORGED"))
                .and(KnownSeries.outcomes("x-service", List.of(Integer.class))).bindTo(registry);

        assertThat(registry.find(MetricNames.REFUSALS).tag("service", "x-service").counters()).hasSize(4);
        assertThat(registry.get(MetricNames.REFUSALS).tags("type", "String", "reason", "OPENED").counter().count())
                .isZero();
        assertThat(registry.get(MetricNames.REFUSALS).tags("type", "LinkToken", "reason", "FORGED").counter())
                .isNotNull();
        assertThat(registry.get(MetricNames.OUTCOMES).tags("service", "x-service", "type", "Integer").counter())
                .isNotNull();
    }

    @Test
    void aScrapeShowsTheSeriesAtZero() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        KnownSeries.counters(MetricNames.name("emails", "parked")).tag("template", "invoice-issued").bindTo(registry);

        assertThat(registry.scrape()).contains("channelhub_emails_parked_total{template=\"invoice-issued\"} 0.0");
    }

    @Test
    void aTagWithoutValuesLeavesNoSeriesAndDuplicatesAreRegisteredOnce() {
        KnownSeries none = KnownSeries.counters("x.ticks").tag("topic", List.of());
        KnownSeries twice = KnownSeries.counters("x.d").tag("topic", "a", "a")
                .and(KnownSeries.counters("x.d").tag("topic", "a"));

        assertThat(none.series()).isEmpty();
        assertThat(twice.series()).hasSize(1);
    }
}
