package io.channelhub.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.channelhub.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;

/**
 * One consumed record as one line of JSON: the decoded event as Avro JSON, or, for a dead-letter topic and for
 * anything that does not decode, the raw bytes in base64 with the record's headers (where the platform's
 * DecodeOrDeadLetter notes the source topic, partition, offset and the error).
 */
final class TailLine {

    /** Topics.dlt appends a suffix; this is it. */
    private static final String DLT_SUFFIX = Topics.dlt("");

    private final EventCodec codec;

    TailLine(EventCodec codec) {
        this.codec = codec;
    }

    String format(ConsumerRecord<String, byte[]> record) {
        ObjectNode line = Json.object();
        line.put("topic", record.topic());
        line.put("partition", record.partition());
        line.put("offset", record.offset());
        line.put("timestamp", record.timestamp());
        line.put("key", record.key());
        if (record.topic().endsWith(DLT_SUFFIX)) {
            return raw(line, record).toString();
        }
        SpecificRecord event;
        try {
            event = codec.decode(record.value());
        } catch (SerializationException e) {
            return raw(line, record).put("error", e.getMessage()).toString();
        }
        line.put("type", event.getSchema().getName());
        line.set("event", Json.parse(codec.toJson(event)));
        return line.toString();
    }

    private static ObjectNode raw(ObjectNode line, ConsumerRecord<String, byte[]> record) {
        line.put("undecodable", true);
        line.put("valueBase64", record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
        ObjectNode headers = line.putObject("headers");
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return line;
    }
}
