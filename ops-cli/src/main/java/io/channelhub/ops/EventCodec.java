package io.channelhub.ops;

import io.channelhub.schemas.serde.EventSerde;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Events to and from the wire (the Confluent wire format; older single-object records read too) and to and from
 * Avro JSON, the form an
 * operator reads and writes. Avro JSON spells unions out ({@code {"string": "E-1"}}), so what {@code tail} prints
 * can be fed back to {@code publish} unchanged.
 */
final class EventCodec {

    /* Constructed first on purpose: the serde's static initialiser makes Avro trust our generated classes, which
       the JSON reader below needs as much as the binary decoder does. */
    private final EventSerde serde = new EventSerde();

    byte[] encode(SpecificRecord event) {
        return serde.encode(event);
    }

    /**
     * @throws org.apache.kafka.common.errors.SerializationException when the bytes are not a known event
     */
    SpecificRecord decode(byte[] bytes) {
        return serde.decode(bytes);
    }

    /**
     * Reads one complete event of the given type: every field present, unions as {@code {"branch": value}}.
     *
     * @throws UsageException naming what is missing or wrong
     */
    <T extends SpecificRecord> T fromJson(Class<T> type, ObjectNode json) {
        SpecificData model = SpecificData.getForClass(type);
        Schema schema = model.getSchema(type);
        checkTopLevelFields(schema, json);
        SpecificDatumReader<T> reader = new SpecificDatumReader<>(schema, schema, model);
        try {
            return reader.read(null, DecoderFactory.get().jsonDecoder(schema, json.toString()));
        } catch (IOException | AvroRuntimeException e) {
            throw new UsageException("not a valid " + type.getSimpleName() + " in Avro JSON: " + e.getMessage());
        }
    }

    /**
     * Avro's reader ignores unknown fields and, for a missing one, often says only "Expected start-union. Got
     * END_OBJECT"; naming the fields is what an operator typing JSON by hand needs.
     */
    private static void checkTopLevelFields(Schema schema, ObjectNode json) {
        List<String> expected = schema.getFields().stream().map(Schema.Field::name).toList();
        List<String> missing = expected.stream().filter(name -> !json.has(name)).toList();
        List<String> unknown = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!expected.contains(name)) {
                unknown.add(name);
            }
        });
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new UsageException("not a complete " + schema.getName() + " in Avro JSON:"
                    + (missing.isEmpty() ? "" : " missing field(s) " + missing)
                    + (unknown.isEmpty() ? "" : " unknown field(s) " + unknown)
                    + " (Avro JSON lists every field, null for an absent optional one)");
        }
    }

    String toJson(SpecificRecord event) {
        Schema schema = event.getSchema();
        SpecificDatumWriter<SpecificRecord> writer = new SpecificDatumWriter<>(schema,
                SpecificData.getForClass(event.getClass()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            JsonEncoder encoder = EncoderFactory.get().jsonEncoder(schema, out);
            writer.write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
