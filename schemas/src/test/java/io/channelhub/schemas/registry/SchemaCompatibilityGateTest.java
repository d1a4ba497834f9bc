package io.channelhub.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelhub.schemas.EventCatalog;
import io.channelhub.transfer.event.TransferRequested;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCompatibilityGateTest {

    private static final Schema SHIPPED = SchemaBuilder.record("Thing").namespace("io.channelhub.test").fields()
            .requiredString("id").optionalString("note").endRecord();

    @Test
    void addingAnOptionalFieldWithADefaultIsCompatibleBothWays() {
        Schema next = SchemaBuilder.record("Thing").namespace("io.channelhub.test").fields()
                .requiredString("id").optionalString("note").optionalString("extra").endRecord();
        assertThat(SchemaCompatibilityGate.check("Thing", next, List.of(SHIPPED))).isEmpty();
    }

    @Test
    void addingARequiredFieldBreaksBackwardCompatibility() {
        Schema next = SchemaBuilder.record("Thing").namespace("io.channelhub.test").fields()
                .requiredString("id").optionalString("note").requiredString("mandatory").endRecord();
        assertThat(SchemaCompatibilityGate.check("Thing", next, List.of(SHIPPED)))
                .extracting(SchemaCompatibilityGate.Violation::direction).containsExactly("backward");
    }

    @Test
    void retypingAFieldBreaksBothWays() {
        Schema next = SchemaBuilder.record("Thing").namespace("io.channelhub.test").fields()
                .requiredLong("id").optionalString("note").endRecord();
        assertThat(SchemaCompatibilityGate.check("Thing", next, List.of(SHIPPED)))
                .extracting(SchemaCompatibilityGate.Violation::direction).containsExactly("backward", "forward");
    }

    /** The gate as the build runs it: a history whose last version the current schema breaks fails the build. */
    @Test
    void theBuildGateFailsOnABreakingChangeToARealEvent(@TempDir Path history) throws IOException {
        for (var type : EventCatalog.EVENT_TYPES) {
            Path dir = Files.createDirectories(history.resolve(type.getName()));
            Files.writeString(dir.resolve("v1.avsc"), EventRegistry.schemaOf(type).toString());
        }
        // Pretend TransferRequested once shipped with a field the current schema dropped without a default.
        Schema current = TransferRequested.getClassSchema();
        String withRequiredField = current.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"legacyCode\",\"type\":\"int\"},");
        Files.writeString(history.resolve(TransferRequested.class.getName()).resolve("v2.avsc"), withRequiredField);
        // forward: an old reader needs legacyCode, which new data lacks
        assertThatThrownBy(() -> SchemaCompatibilityGate.main(new String[] {history.toString()}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 breaking schema change");
    }

    @Test
    void theShippedHistoryOfThisBuildPasses() {
        SchemaCompatibilityGate.main(new String[] {"src/main/avro-history"});
    }
}
