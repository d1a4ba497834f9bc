package io.channelhub.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.json (AsyncAPI 3.0) describes every topic and every event type, and its payloads are the schema
 * files the build compiles. JSON rather than YAML: no YAML parser is on this module's classpath, Jackson is
 * (through Avro), and JSON is YAML to every AsyncAPI tool.
 */
class AsyncApiTest {

    private static final Path DOCS = Path.of("../docs");
    private static final String AVRO_FORMAT = "application/vnd.apache.avro;version=1.9.0";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode api = read(DOCS.resolve("asyncapi.json"));

    @Test
    void isAnAsyncApi3DocumentOnKafka() {
        assertThat(api.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(api.path("info").path("title").asText()).isNotBlank();
        assertThat(api.path("servers")).isNotEmpty()
                .allSatisfy(server -> assertThat(server.path("protocol").asText()).isEqualTo("kafka"));
    }

    @Test
    void everyTopicIsAChannelWithItsKey() {
        Map<String, JsonNode> byAddress = new LinkedHashMap<>();
        api.path("channels").forEach(channel -> byAddress.put(channel.path("address").asText(), channel));

        assertThat(byAddress).as("channel addresses").containsKeys(Topics.ALL.toArray(String[]::new));
        byAddress.forEach((address, channel) -> assertThat(channel.path("x-key").asText())
                .as("key of channel " + address).isNotBlank());
        assertThat(byAddress).as("the dead-letter topics").containsKey(Topics.dlt("{topic}"));
        assertThat(names(byAddress.get(Topics.dlt("{topic}")).path("parameters").path("topic").path("enum")))
                .as("topics with a dead-letter topic").containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void everyEventTypeIsAMessageWhosePayloadIsItsAvroSchema() {
        JsonNode messages = api.path("components").path("messages");
        for (Class<?> type : EventCatalog.EVENT_TYPES) {
            JsonNode message = messages.path(type.getSimpleName());
            assertThat(message.isObject()).as("message " + type.getSimpleName()).isTrue();
            assertThat(message.path("name").asText()).isEqualTo(type.getSimpleName());
            JsonNode payload = message.path("payload");
            assertThat(payload.path("schemaFormat").asText()).as(type.getSimpleName()).isEqualTo(AVRO_FORMAT);

            String ref = payload.path("schema").path("$ref").asText();
            assertThat(ref).as(type.getSimpleName() + " payload $ref").endsWith(".avsc");
            Path schemaFile = DOCS.resolve(ref).normalize();
            assertThat(schemaFile).as(type.getSimpleName() + " schema, relative to docs/").isRegularFile();
            JsonNode schema = read(schemaFile);
            assertThat(schema.path("namespace").asText() + "." + schema.path("name").asText())
                    .as(ref + " defines the message's type").isEqualTo(type.getName());
        }
    }

    /** Every referenced schema file exists, message payloads or not. */
    @Test
    void everyReferencedSchemaFileExists() {
        List<String> refs = new ArrayList<>();
        collectRefs(api, refs);
        List<String> files = refs.stream().filter(ref -> !ref.startsWith("#")).toList();
        assertThat(files).as("external $refs").hasSizeGreaterThanOrEqualTo(EventCatalog.EVENT_TYPES.size());
        assertThat(files).allSatisfy(ref -> assertThat(DOCS.resolve(ref).normalize()).as(ref).isRegularFile());
    }

    /** Channels and operations point only at messages that exist, and every event type travels somewhere. */
    @Test
    void channelsCarryEveryEventTypeAndOnlyKnownMessages() {
        Set<String> defined = names(api.path("components").path("messages").properties().stream()
                .map(Map.Entry::getKey).toList());
        Set<String> carried = new TreeSet<>();
        api.path("channels").properties().forEach(channel -> channel.getValue().path("messages").properties()
                .forEach(message -> {
                    String ref = message.getValue().path("$ref").asText();
                    assertThat(ref).as("channel " + channel.getKey() + " message " + message.getKey())
                            .startsWith("#/components/messages/");
                    String name = ref.substring("#/components/messages/".length());
                    assertThat(defined).as("channel " + channel.getKey()).contains(name);
                    carried.add(name);
                }));
        assertThat(carried).as("event types on some channel").containsAll(EventCatalog.EVENT_TYPES.stream()
                .map(Class::getSimpleName).toList());

        api.path("operations").properties().forEach(operation -> {
            String channel = operation.getValue().path("channel").path("$ref").asText();
            assertThat(api.at(channel.substring(1)).isObject()).as(operation.getKey() + " channel " + channel)
                    .isTrue();
            operation.getValue().path("messages").forEach(message -> {
                String ref = message.path("$ref").asText();
                assertThat(ref).as(operation.getKey()).startsWith(channel + "/messages/");
                assertThat(api.at(ref.substring(1)).isObject()).as(operation.getKey() + " message " + ref).isTrue();
            });
        });
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            if (node.path("$ref").isTextual()) {
                refs.add(node.get("$ref").asText());
            }
            node.forEach(child -> collectRefs(child, refs));
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(item -> names.add(item.asText()));
        return names;
    }

    private static Set<String> names(List<String> list) {
        return list.stream().collect(Collectors.toCollection(TreeSet::new));
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }
}
