package io.channelhub.schemas;

import io.channelhub.common.event.EventMeta;
import org.apache.avro.specific.SpecificRecord;

/** Access to the envelope every event carries. */
public final class Events {
    private Events() {
    }

    public static EventMeta meta(SpecificRecord event) {
        Object meta = event.get(event.getSchema().getField("meta").pos());
        if (meta instanceof EventMeta m) {
            return m;
        }
        throw new IllegalArgumentException(event.getSchema().getFullName() + " has no EventMeta");
    }

    public static String eventId(SpecificRecord event) {
        return meta(event).getEventId();
    }
}
