package io.channelhub.schemas.serde;

import io.channelhub.schemas.EventCatalog;
import io.channelhub.schemas.registry.EventRegistry;
import io.channelhub.schemas.registry.EventSubjects;
import io.channelhub.schemas.registry.SchemaRegistry;
import io.channelhub.schemas.registry.SchemaRegistryUnavailableException;
import io.channelhub.schemas.registry.SchemaRegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte {@code 0}, the writer schema's registry id (4 bytes, big-endian), the
 * Avro binary body. Writes with the schema this build carries (registered under its record-name subject); reads
 * any registered writer schema of a known event type into the class this build carries, resolving the two.
 */
final class ConfluentFraming {

    static final byte MAGIC = 0;
    private static final int HEADER = 5;

    private final SchemaRegistry registry;
    private final Map<Class<?>, Integer> writerIds = new ConcurrentHashMap<>();
    private final Map<Class<?>, DatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();
    private final Map<Integer, Reader> readers = new ConcurrentHashMap<>();
    /**
     * Each thread's buffer and Avro coders, reused from record to record: a buffered encoder writes a record's many
     * small fields into its own buffer rather than one by one into the stream (D-120).
     */
    private static final ThreadLocal<Coders> CODERS = ThreadLocal.withInitial(Coders::new);

    private static final class Coders {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        BinaryEncoder encoder;
        BinaryDecoder decoder;
        /**
         * The last records this thread encoded, by identity, and their bytes: a record published and kept in a store
         * in the same step (an invoice, D-120) is encoded once. Records are values: nothing sets a field of one once
         * it is built.
         */
        final Object[] recent = new Object[RECENT];
        final byte[][] recentBytes = new byte[RECENT][];
        int next;

        byte[] encoded(Object record) {
            for (int i = 0; i < RECENT; i++) {
                if (recent[i] == record) {
                    return recentBytes[i];
                }
            }
            return null;
        }

        byte[] remember(Object record, byte[] bytes) {
            recent[next] = record;
            recentBytes[next] = bytes;
            next = (next + 1) % RECENT;
            return bytes;
        }
    }

    private static final int RECENT = 4;

    /** How records of one writer schema id are read: into which type, resolved how. */
    private record Reader(String type, DatumReader<SpecificRecord> datumReader) {
    }

    ConfluentFraming(SchemaRegistry registry) {
        this.registry = registry;
    }

    SchemaRegistry registry() {
        return registry;
    }

    static boolean isFramed(byte[] bytes) {
        return bytes.length >= HEADER && bytes[0] == MAGIC;
    }

    byte[] encode(SpecificRecord event) {
        Schema schema = event.getSchema();
        int id = writerIds.computeIfAbsent(event.getClass(),
                c -> registry.register(EventSubjects.subjectOf(schema), schema));
        DatumWriter<SpecificRecord> writer = writers.computeIfAbsent(event.getClass(),
                c -> new SpecificDatumWriter<>(schema, SpecificData.getForClass(c)));
        Coders coders = CODERS.get();
        byte[] encoded = coders.encoded(event);
        if (encoded != null) {
            return encoded;
        }
        ByteArrayOutputStream out = coders.out;
        out.reset();
        out.write(MAGIC);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            coders.encoder = EncoderFactory.get().binaryEncoder(out, coders.encoder);
            writer.write(event, coders.encoder);
            coders.encoder.flush();
        } catch (IOException e) {
            throw new SerializationException("Cannot encode " + event.getClass().getSimpleName(), e);
        }
        return coders.remember(event, out.toByteArray());
    }

    SpecificRecord decode(byte[] bytes) {
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Reader reader = readerFor(id);
        Coders coders = CODERS.get();
        try {
            coders.decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER, bytes.length - HEADER, coders.decoder);
            return reader.datumReader().read(null, coders.decoder);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode " + reader.type() + " (schema id " + id + "): "
                    + e.getMessage(), e);
        }
    }

    private Reader readerFor(int id) {
        Reader known = readers.get(id);
        if (known != null) {
            return known;
        }
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryUnavailableException outage) {
            throw outage; // not the record's fault: retried, never dead-lettered
        } catch (SchemaRegistryException e) {
            throw new SerializationException("Schema id " + id + " is not in " + registry.location() + ": "
                    + e.getMessage(), e);
        }
        Class<? extends SpecificRecord> type = EventCatalog.byName(writer.getFullName())
                .filter(c -> c.getName().equals(writer.getFullName()))
                .orElseThrow(() -> new SerializationException("Schema id " + id + " is " + writer.getFullName()
                        + ", not an event type of this catalogue"));
        Reader reader = new Reader(type.getSimpleName(), new SpecificDatumReader<>(writer,
                EventRegistry.schemaOf(type), SpecificData.getForClass(type)));
        readers.put(id, reader);
        return reader;
    }
}
