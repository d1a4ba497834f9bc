package io.channelhub.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.schemas.registry.EventRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class EventCatalogTest {

    /** Every .avsc record with an EventMeta is an event: it must be in the catalogue, or no serde can read it. */
    @Test
    void catalogueListsEveryEventSchemaInTheSourceTree() throws IOException {
        Set<String> eventSchemas;
        try (Stream<Path> files = Files.walk(Path.of("src/main/avro"))) {
            eventSchemas = files.filter(f -> f.toString().endsWith(".avsc")).map(EventCatalogTest::read)
                    .filter(json -> json.contains("\"name\": \"meta\""))
                    .map(json -> new Schema.Parser().setValidateDefaults(false).parse(withoutReferences(json)))
                    .map(Schema::getFullName).collect(Collectors.toSet());
        }
        Set<String> catalogue = EventCatalog.EVENT_TYPES.stream().map(Class::getName).collect(Collectors.toSet());
        assertThat(catalogue).isEqualTo(eventSchemas);
    }

    @Test
    void everyTypeHasItsShippedHistoryOnTheClasspath() {
        EventCatalog.EVENT_TYPES.forEach(type -> assertThat(EventRegistry.get().historyOf(type))
                .as(type.getSimpleName()).isNotEmpty());
    }

    /** docs/events.md is what upstream teams read: it must name every topic and every event type. */
    @Test
    void docsListEveryTopicAndEventType() {
        String docs = read(Path.of("../docs/events.md"));
        Topics.ALL.forEach(topic -> assertThat(docs).as("docs/events.md").contains("`" + topic + "`"));
        EventCatalog.EVENT_TYPES.forEach(type -> assertThat(docs).as("docs/events.md")
                .contains("`" + type.getSimpleName() + "`"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Only the name matters here: swap named-type references for "string" so each file parses alone. */
    private static String withoutReferences(String json) {
        return json.replaceAll("\"type\": \"(io\\.channelhub[^\"]*|[A-Z][A-Za-z]*)\"", "\"type\": \"string\"")
                .replaceAll("\\[\"null\", \"(io\\.channelhub[^\"]*|[A-Z][A-Za-z]*)\"\\]", "[\"null\", \"string\"]")
                .replaceAll("\"items\": \"[A-Z][A-Za-z]*\"", "\"items\": \"string\"");
    }
}
