package io.channelhub.platform.streams;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store serde for plain domain records (billing's ledgers and accounts), as JSON. Only for state a service keeps to
 * itself: its changelog is internal, so the record's shape can change with a deploy that rebuilds the store; events
 * on shared topics stay Avro with a checked schema history.
 */
public final class JsonSerde<T> implements Serde<T> {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : JSON.writeValueAsBytes(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : JSON.readValue(bytes, type);
    }
}
