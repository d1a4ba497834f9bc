package io.channelhub.schemas.registry;

import io.channelhub.schemas.EventCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every schema this build has shipped: the current schema of every event type and every version that ever shipped
 * ({@code avro-history/<FullName>/v<N>.avsc} on the classpath), by the 64-bit fingerprint that Avro single-object
 * encoding writes into each message. It reads records written before the schema registry, and it is the lineage
 * {@link EventSubjects} registers there.
 */
public final class EventRegistry implements SchemaStore {

    private static final EventRegistry INSTANCE = load();

    /** fingerprint -> writer schema (current and historical). */
    private final Map<Long, Schema> schemas;
    /** fingerprint -> the generated class that reads it. */
    private final Map<Long, Class<? extends SpecificRecord>> readers;
    private final Map<Class<? extends SpecificRecord>, List<Schema>> history;

    private EventRegistry(Map<Long, Schema> schemas, Map<Long, Class<? extends SpecificRecord>> readers,
            Map<Class<? extends SpecificRecord>, List<Schema>> history) {
        this.schemas = Map.copyOf(schemas);
        this.readers = Map.copyOf(readers);
        this.history = Map.copyOf(history);
    }

    public static EventRegistry get() {
        return INSTANCE;
    }

    @Override
    public Schema findByFingerprint(long fingerprint) {
        return schemas.get(fingerprint);
    }

    /** The class that decodes a message written with this fingerprint, or null when the fingerprint is unknown. */
    public Class<? extends SpecificRecord> readerFor(long fingerprint) {
        return readers.get(fingerprint);
    }

    /** Shipped versions of a type, oldest first. */
    public List<Schema> historyOf(Class<? extends SpecificRecord> type) {
        return history.getOrDefault(type, List.of());
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    public static Schema schemaOf(Class<? extends SpecificRecord> type) {
        try {
            return (Schema) type.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Not a generated Avro class: " + type, e);
        }
    }

    private static EventRegistry load() {
        Map<Long, Schema> schemas = new HashMap<>();
        Map<Long, Class<? extends SpecificRecord>> readers = new HashMap<>();
        Map<Class<? extends SpecificRecord>, List<Schema>> history = new HashMap<>();
        for (Class<? extends SpecificRecord> type : EventCatalog.EVENT_TYPES) {
            Schema current = schemaOf(type);
            register(schemas, readers, current, type);
            List<Schema> versions = loadHistory(type.getName());
            versions.forEach(v -> register(schemas, readers, v, type));
            history.put(type, Collections.unmodifiableList(versions));
        }
        return new EventRegistry(schemas, readers, history);
    }

    private static void register(Map<Long, Schema> schemas, Map<Long, Class<? extends SpecificRecord>> readers,
            Schema schema, Class<? extends SpecificRecord> type) {
        long fp = fingerprint(schema);
        Class<? extends SpecificRecord> previous = readers.putIfAbsent(fp, type);
        if (previous != null && previous != type) {
            throw new IllegalStateException("Two event types share a fingerprint: " + previous + ", " + type);
        }
        schemas.putIfAbsent(fp, schema);
    }

    /** The shipped versions of a record type, oldest first: events, and the state records of StateSerde. */
    public static List<Schema> loadHistory(String fullName) {
        List<Schema> versions = new ArrayList<>();
        ClassLoader loader = EventRegistry.class.getClassLoader();
        for (int v = 1; ; v++) {
            try (InputStream in = loader.getResourceAsStream("avro-history/" + fullName + "/v" + v + ".avsc")) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
