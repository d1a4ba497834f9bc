package io.channelhub.schemas.registry;

import io.channelhub.schemas.EventCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecord;

/**
 * Fails the build when an event schema is not both backward compatible (new readers read old data) and forward
 * compatible (old readers read new data) with every version that shipped, as the registry checks at run time. Runs in the schemas module's
 * {@code process-classes} phase. {@code record} snapshots changed schemas as new history versions at release.
 *
 * <pre>
 *   check:  SchemaCompatibilityGate &lt;avro-history dir&gt;
 *   record: SchemaCompatibilityGate &lt;avro-history dir&gt; record
 * </pre>
 */
public final class SchemaCompatibilityGate {

    /** One broken promise between a current schema and the last shipped one. */
    public record Violation(String type, String direction, String detail) {
        @Override
        public String toString() {
            return type + " is not " + direction + " compatible with its shipped version " + detail;
        }
    }

    public static void main(String[] args) {
        Path historyDir = Path.of(args[0]);
        boolean record = args.length > 1 && args[1].equals("record");
        List<Violation> violations = new ArrayList<>();
        for (Class<? extends SpecificRecord> type : EventCatalog.EVENT_TYPES) {
            Schema current = EventRegistry.schemaOf(type);
            List<Schema> shipped = readHistory(historyDir, type.getName());
            violations.addAll(check(type.getName(), current, shipped));
            if (record && (shipped.isEmpty() || !shipped.get(shipped.size() - 1).equals(current))) {
                write(historyDir, type.getName(), shipped.size() + 1, current);
            }
        }
        if (!violations.isEmpty()) {
            violations.forEach(v -> System.err.println("[schema-compatibility] " + v));
            throw new IllegalStateException(violations.size() + " breaking schema change(s); see above. "
                    + "Add fields with defaults, never remove or retype one without a default.");
        }
        System.out.println("[schema-compatibility] " + EventCatalog.EVENT_TYPES.size()
                + " event types compatible with their shipped history");
    }

    /**
     * Compares a current schema with every shipped version, both ways (FULL_TRANSITIVE, the level the registry
     * enforces: see {@link EventSubjects}); no history means a new type, always fine.
     */
    public static List<Violation> check(String type, Schema current, List<Schema> shipped) {
        List<Violation> violations = new ArrayList<>();
        for (int v = 0; v < shipped.size(); v++) {
            Schema version = shipped.get(v);
            String against = "v" + (v + 1) + ": ";
            var backward = SchemaCompatibility.checkReaderWriterCompatibility(current, version);
            if (backward.getType() != SchemaCompatibilityType.COMPATIBLE) {
                violations.add(new Violation(type, "backward",
                        against + backward.getResult().getIncompatibilities()));
            }
            var forward = SchemaCompatibility.checkReaderWriterCompatibility(version, current);
            if (forward.getType() != SchemaCompatibilityType.COMPATIBLE) {
                violations.add(new Violation(type, "forward", against + forward.getResult().getIncompatibilities()));
            }
        }
        return violations;
    }

    static List<Schema> readHistory(Path historyDir, String fullName) {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; ; v++) {
            Path file = historyDir.resolve(fullName).resolve("v" + v + ".avsc");
            if (!Files.exists(file)) {
                return versions;
            }
            try {
                versions.add(new Schema.Parser().parse(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void write(Path historyDir, String fullName, int version, Schema schema) {
        try {
            Path dir = Files.createDirectories(historyDir.resolve(fullName));
            Files.writeString(dir.resolve("v" + version + ".avsc"), schema.toString(true) + "\n");
            System.out.println("[schema-compatibility] recorded " + fullName + " v" + version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
