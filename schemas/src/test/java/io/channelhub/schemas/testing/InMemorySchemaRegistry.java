package io.channelhub.schemas.testing;

import io.channelhub.schemas.registry.IncompatibleSchemaException;
import io.channelhub.schemas.registry.SchemaRegistry;
import io.channelhub.schemas.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * A registry in this JVM for tests that run one service's topology or context: the same contract as the real
 * registry (ids per distinct schema, transitive full compatibility enforced), without a registry process. Tests
 * of the registry itself, the system tests and the local stack use the real one (Apicurio).
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {

    private static final InMemorySchemaRegistry SHARED = new InMemorySchemaRegistry();

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<Schema> schemas = new ArrayList<>();
    private final Map<String, List<Schema>> subjects = new HashMap<>();
    private final Map<String, Compatibility> levels = new HashMap<>();

    /** The one every test of a JVM binds, so ids agree between the serdes of all its tests. */
    public static InMemorySchemaRegistry shared() {
        return SHARED;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Schema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            if (levels.getOrDefault(subject, Compatibility.NONE) == Compatibility.FULL_TRANSITIVE) {
                for (Schema earlier : versions) {
                    if (!compatible(schema, earlier) || !compatible(earlier, schema)) {
                        throw new IncompatibleSchemaException("Incompatible with a registered version of " + subject);
                    }
                }
            }
            versions.add(schema);
        }
        return ids.computeIfAbsent(schema.toString(), s -> {
            schemas.add(schema);
            return schemas.size();
        });
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > schemas.size()) {
            throw new SchemaRegistryException("Schema " + id + " not found (HTTP 404)");
        }
        return schemas.get(id - 1);
    }

    @Override
    public synchronized void setCompatibility(String subject, Compatibility level) {
        levels.put(subject, level);
    }

    @Override
    public String location() {
        return "in-memory";
    }

    private static boolean compatible(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == SchemaCompatibilityType.COMPATIBLE;
    }
}
