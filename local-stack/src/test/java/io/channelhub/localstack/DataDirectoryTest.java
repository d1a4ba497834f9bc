package io.channelhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

    @TempDir
    Path tempDir;

    @Test
    void keepsItsContentAcrossRestartsAndWipeDeletesIt() throws Exception {
        Path dir = tempDir.resolve("stack");
        DataDirectory first = DataDirectory.prepare(dir, false);
        Files.createDirectories(first.kafka());
        Files.writeString(first.kafka().resolve("meta.properties"), "formatted");

        DataDirectory again = DataDirectory.prepare(dir, false);
        assertThat(again.kafka().resolve("meta.properties")).exists();

        DataDirectory wiped = DataDirectory.prepare(dir, true);
        assertThat(wiped.kafka()).doesNotExist();
        assertThat(wiped.root()).isDirectory();
    }

    @Test
    void refusesToUseOrWipeADirectoryItDidNotCreate() throws Exception {
        Path someonesDir = Files.createDirectories(tempDir.resolve("home"));
        Files.writeString(someonesDir.resolve("thesis.txt"), "years of work");

        assertThatThrownBy(() -> DataDirectory.prepare(someonesDir, true)).hasMessageContaining("refusing");
        assertThatThrownBy(() -> DataDirectory.prepare(someonesDir, false)).hasMessageContaining("refusing");
        assertThat(someonesDir.resolve("thesis.txt")).exists();
    }

    @Test
    void keepsStreamsStatePerServiceUnderTheDataDirectory() {
        DataDirectory data = DataDirectory.prepare(tempDir.resolve("stack"), false);

        assertThat(data.streamsState("transfer-service")).isEqualTo(data.root().resolve("state/transfer-service"));
        assertThat(data.kafka()).isEqualTo(data.root().resolve("kafka"));
    }
}
