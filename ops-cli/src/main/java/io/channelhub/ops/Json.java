package io.channelhub.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Plain JSON (the JSON-lines envelope, tail's output lines), as opposed to the Avro JSON of the events. */
final class Json {
    private Json() {
    }

    /** Rejects {@code {...} {...}} on one line: the Avro reader would silently ignore all but the first value. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * @throws UsageException when the text is not exactly one JSON object
     */
    static ObjectNode parseObject(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UsageException("not valid JSON: " + e.getOriginalMessage());
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new UsageException("expected a JSON object, got " + (node == null ? "nothing" : node.getNodeType()));
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Avro wrote invalid JSON", e);
        }
    }
}
