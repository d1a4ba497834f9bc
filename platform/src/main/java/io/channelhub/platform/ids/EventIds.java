package io.channelhub.platform.ids;

import io.channelhub.common.event.EventMeta;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Derived ids: an output caused by an input gets a name-based UUID of (input eventId, output kind, index), so a
 * replayed input produces the same ids and every consumer downstream can dedupe on them.
 */
public final class EventIds {
    private EventIds() {
    }

    public static String derive(String causeId, String kind, int index) {
        return UUID.nameUUIDFromBytes((causeId + "|" + kind + "|" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * The envelope of an event caused by another: derived id, causation and correlation carried over, and the
     * cause's time as the decision time (never the wall clock, so a replay yields identical events).
     */
    public static EventMeta causedBy(EventMeta cause, String kind, int index, String producer) {
        return EventMeta.newBuilder()
                .setEventId(derive(cause.getEventId(), kind, index))
                .setCausationId(cause.getEventId())
                .setCorrelationId(cause.getCorrelationId() != null ? cause.getCorrelationId() : cause.getEventId())
                .setOccurredAt(cause.getOccurredAt())
                .setProducer(producer)
                .build();
    }

    /** The envelope of an event that starts a flow (upstream requests, ticks, demo data). */
    public static EventMeta origin(String eventId, Instant at, String producer) {
        return EventMeta.newBuilder()
                .setEventId(eventId)
                .setCausationId(null)
                .setCorrelationId(eventId)
                .setOccurredAt(at)
                .setProducer(producer)
                .build();
    }
}
