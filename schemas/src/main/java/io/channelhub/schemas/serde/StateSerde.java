package io.channelhub.schemas.serde;

import io.channelhub.schemas.registry.EventRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding of one state record type (a service's store values): the same wire format as
 * events, so changelog topics are as readable and as evolvable as business topics. Values written by an older
 * version of the schema (kept as {@code avro-history/<FullName>/v<N>.avsc}, as for events) are read into the
 * current one: a store survives an upgrade that adds a field with a default.
 *
 * <p>Written and read with each thread's buffered coders rather than Avro's message encoder, which writes field by
 * field into a stream and copies the result twice; the bytes are the same (D-126).
 */
public final class StateSerde<T extends SpecificRecord> implements Serde<T>, Serializer<T>, Deserializer<T> {

    static {
        AvroTrust.ensure();
    }

    /** Avro's single-object encoding: these two bytes, the writer schema's 64-bit fingerprint, the body. */
    private static final byte[] MARKER = {(byte) 0xC3, 0x01};
    private static final int HEADER = MARKER.length + Long.BYTES;

    private final String type;
    private final byte[] header;
    private final DatumWriter<T> writer;
    /** By writer schema fingerprint: this build's schema and every earlier one of the type, read into this one. */
    private final Map<Long, DatumReader<T>> readers = new HashMap<>();

    public StateSerde(Class<T> type, Schema schema) {
        SpecificData model = SpecificData.getForClass(type);
        this.type = type.getSimpleName();
        this.header = header(schema);
        this.writer = new SpecificDatumWriter<>(schema, model);
        readers.put(fingerprint(schema), new SpecificDatumReader<>(schema, schema, model));
        EventRegistry.loadHistory(schema.getFullName()).forEach(earlier -> readers.putIfAbsent(fingerprint(earlier),
                new SpecificDatumReader<>(earlier, schema, model)));
    }

    private static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static byte[] header(Schema schema) {
        return ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN).put(MARKER).putLong(fingerprint(schema))
                .array();
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return AvroBytes.withinRecordSize(AvroCoders.ofThisThread().encode(header, writer, data), topic, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER || data[0] != MARKER[0] || data[1] != MARKER[1]) {
            throw new BadHeaderException("Not a single-object encoded " + type + " (" + data.length + " bytes)");
        }
        DatumReader<T> reader = readers.get(ByteBuffer.wrap(data, MARKER.length, Long.BYTES)
                .order(ByteOrder.LITTLE_ENDIAN).getLong());
        if (reader == null) {
            throw new MissingSchemaException(type + " written with a schema this build does not know");
        }
        try {
            return AvroCoders.ofThisThread().decode(data, HEADER, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void close() {
    }
}
