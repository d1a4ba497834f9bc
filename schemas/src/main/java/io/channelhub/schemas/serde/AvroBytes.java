package io.channelhub.schemas.serde;

import io.channelhub.schemas.Topics;
import org.apache.kafka.common.errors.SerializationException;

/** What an encoded record may weigh, checked where it is encoded. */
final class AvroBytes {
    private AvroBytes() {
    }

    /**
     * X1: what goes to a topic or a changelog stays within a record's size, with room for its key and headers (and
     * a dead-letter copy's). Failing here, in the serializer, lets Kafka Streams dead-letter the input that caused
     * it and move on; the same failure in the producer would poison the exactly-once transaction and loop.
     */
    static byte[] withinRecordSize(byte[] bytes, String topic, Object datum) {
        if (bytes.length > Topics.INPUT_MAX_BYTES) {
            throw new SerializationException(datum.getClass().getSimpleName() + " for " + topic + " encodes to "
                    + bytes.length + " bytes, over the record limit of " + Topics.INPUT_MAX_BYTES);
        }
        return bytes;
    }
}
