package io.channelhub.schemas.serde;

import io.channelhub.schemas.EventCatalog;
import io.channelhub.schemas.registry.EventRegistry;
import io.channelhub.schemas.registry.EventSubjects;
import io.channelhub.schemas.registry.SchemaRegistry;
import io.channelhub.schemas.registry.SchemaRegistryUnavailableException;
import io.channelhub.schemas.registry.SchemaRegistryException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
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
    /** Per event type: the frame its records start with, the magic byte and its writer schema's id. */
    private final Map<Class<?>, byte[]> headers = new ConcurrentHashMap<>();
    private final Map<Class<?>, DatumWriter<SpecificRecord>> writers = new ConcurrentHashMap<>();
    private final Map<Integer, Reader> readers = new ConcurrentHashMap<>();
    /**
     * The last records each thread encoded, by identity, and their bytes: a record published and kept in a store in
     * the same step (an invoice, D-120) is encoded once. Records are values: nothing sets a field of one once it is
     * built.
     */
    private static final ThreadLocal<Recent> RECENTLY_ENCODED = ThreadLocal.withInitial(Recent::new);

    private static final class Recent {
        final Object[] records = new Object[RECENT];
        final byte[][] bytes = new byte[RECENT][];
        int next;

        byte[] encoded(Object record) {
            for (int i = 0; i < RECENT; i++) {
                if (records[i] == record) {
                    return bytes[i];
                }
            }
            return null;
        }

        byte[] remember(Object record, byte[] encoded) {
            records[next] = record;
            bytes[next] = encoded;
            next = (next + 1) % RECENT;
            return encoded;
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
        Recent recent = RECENTLY_ENCODED.get();
        byte[] encoded = recent.encoded(event);
        if (encoded != null) {
            return encoded;
        }
        Schema schema = event.getSchema();
        byte[] header = headers.computeIfAbsent(event.getClass(), c -> ByteBuffer.allocate(HEADER).put(MAGIC)
                .putInt(registry.register(EventSubjects.subjectOf(schema), schema)).array());
        DatumWriter<SpecificRecord> writer = writers.computeIfAbsent(event.getClass(),
                c -> new SpecificDatumWriter<>(schema, SpecificData.getForClass(c)));
        try {
            return recent.remember(event, AvroCoders.ofThisThread().encode(header, writer, event));
        } catch (IOException e) {
            throw new SerializationException("Cannot encode " + event.getClass().getSimpleName(), e);
        }
    }

    SpecificRecord decode(byte[] bytes) {
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Reader reader = readerFor(id);
        try {
            return AvroCoders.ofThisThread().decode(bytes, HEADER, reader.datumReader());
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
