package io.channelhub.platform.dedupe;

import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.metrics.KnownSeries;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Events;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The command processors' first step (X2): apply a command once, and say so when it is not applied. */
public final class Dedupe {

    private static final Logger log = LoggerFactory.getLogger(Dedupe.class);

    /** The refusal reason of a command older than the dedupe window. */
    public static final String OLDER_THAN_DEDUPE_WINDOW = "OLDER_THAN_DEDUPE_WINDOW";

    private Dedupe() {
    }

    /**
     * The series {@link #firstTime} counts for a command topic, known at start (docs/metrics.md): duplicates on the
     * topic and, for each command type of it, commands older than the dedupe window.
     */
    public static KnownSeries knownSeries(String service, String topic,
            Collection<Class<? extends SpecificRecord>> commandTypes) {
        return KnownSeries.counters(MetricNames.DUPLICATES).tag("service", service).tag("topic", topic)
                .and(KnownSeries.counters(MetricNames.REFUSALS).tag("service", service)
                        .tag("type", commandTypes)
                        .tag("reason", OLDER_THAN_DEDUPE_WINDOW));
    }

    /**
     * True if the command is to be applied. Its time is its own {@code occurredAt}, which a replay keeps (the
     * record's timestamp is the replay's). A repeat is counted as a duplicate; a command from before the
     * forgotten past is counted as refused and logged, never dropped silently (X1).
     */
    public static boolean firstTime(AppliedEventIds applied, SpecificRecord command, MeterRegistry registry,
            String service, String topic) {
        EventMeta meta = Events.meta(command);
        switch (applied.see(meta.getEventId(), meta.getOccurredAt().toEpochMilli())) {
            case FIRST:
                return true;
            case REPEAT:
                registry.counter(MetricNames.DUPLICATES, "service", service, "topic", topic).increment();
                return false;
            default:
                registry.counter(MetricNames.REFUSALS, "service", service, "type",
                        command.getClass().getSimpleName(), "reason", OLDER_THAN_DEDUPE_WINDOW).increment();
                log.warn("Not applying {} {} of {}: older than the dedupe window (channelhub.dedupe-retention), so "
                        + "it may have been applied already", command.getClass().getSimpleName(), meta.getEventId(),
                        meta.getOccurredAt());
                return false;
        }
    }
}
