package io.channelhub.ops;

import org.apache.avro.specific.SpecificRecord;

/** One event ready to publish, with the record key it goes out under. */
record OutgoingEvent(String key, SpecificRecord event) {
}
