package io.channelhub.platform.streams;

import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Events;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A well-formed event with no meaning on the topic it arrived on: counted and logged, never silently dropped. */
public final class Unsupported {

    private static final Logger log = LoggerFactory.getLogger(Unsupported.class);

    private Unsupported() {
    }

    public static void record(MeterRegistry registry, String service, String topic, SpecificRecord event) {
        String type = event.getClass().getSimpleName();
        registry.counter(MetricNames.REFUSALS, "service", service, "type", type, "reason", "UNSUPPORTED_ON_TOPIC")
                .increment();
        log.warn("Ignoring {} {} on {}: not an input of {}", type, Events.eventId(event), topic, service);
    }
}
