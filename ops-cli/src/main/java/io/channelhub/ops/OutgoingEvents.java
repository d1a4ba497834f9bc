package io.channelhub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.channelhub.schemas.EventCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns what the operator typed into events ready to publish: resolves each event's type and key, and on request
 * gives it a fresh {@code meta}. Everything is checked before anything is sent, so a bad line 7 does not leave
 * lines 1 to 6 published.
 */
final class OutgoingEvents {

    static final String PRODUCER = "ops-cli";
    private static final Set<String> LINE_FIELDS = Set.of("type", "key", "event");
    private static final String KEY_FIELD = "entitlementId";

    private final EventCodec codec;
    private final String defaultType;
    private final String defaultKey;
    private final boolean newMeta;

    /**
     * @param defaultType the event type when the input names none (--type), may be null
     * @param defaultKey  the key when the input names none (--key), may be null
     * @param newMeta     whether to replace eventId, occurredAt and producer of every event's meta (--new-meta)
     */
    OutgoingEvents(EventCodec codec, String defaultType, String defaultKey, boolean newMeta) {
        this.codec = codec;
        this.defaultType = defaultType;
        this.defaultKey = defaultKey;
        this.newMeta = newMeta;
    }

    /** The --json form: the text is the Avro JSON of one event. */
    OutgoingEvent fromJson(String json) {
        return at("--json", () -> toEvent(defaultType, defaultKey, Json.parseObject(json)));
    }

    /** The --file form: one {@code {"type": .., "key": .., "event": {..}}} per line, blank lines skipped. */
    List<OutgoingEvent> fromLines(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()));
        }
        List<OutgoingEvent> events = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.isBlank()) {
                events.add(at(file + ":" + (i + 1), () -> fromLine(line)));
            }
        }
        if (events.isEmpty()) {
            throw new UsageException(file + ": no events in the file");
        }
        return events;
    }

    private OutgoingEvent fromLine(String line) {
        ObjectNode envelope = Json.parseObject(line);
        List<String> unknown = new ArrayList<>();
        envelope.fieldNames().forEachRemaining(name -> {
            if (!LINE_FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new UsageException("unknown field(s) " + unknown + "; a line holds only type, key and event");
        }
        if (!(envelope.get("event") instanceof ObjectNode event)) {
            throw new UsageException("\"event\" must be the Avro JSON object of the event");
        }
        String type = text(envelope, "type");
        String key = text(envelope, "key");
        return toEvent(type != null ? type : defaultType, key != null ? key : defaultKey, event);
    }

    private OutgoingEvent toEvent(String typeName, String key, ObjectNode json) {
        if (typeName == null) {
            throw new UsageException("no event type: give --type (or \"type\" on the line)");
        }
        Class<? extends SpecificRecord> type = EventCatalog.byName(typeName)
                .orElseThrow(() -> new UsageException("unknown event type '" + typeName + "'; known: " + knownTypes()));
        if (newMeta) {
            json.set("meta", freshMeta(json.get("meta")));
        }
        SpecificRecord event = codec.fromJson(type, json);
        return new OutgoingEvent(key != null ? key : defaultKeyOf(event), event);
    }

    /** A new eventId and occurredAt, so a human need not invent them; causation and correlation are kept. */
    private ObjectNode freshMeta(JsonNode given) {
        ObjectNode meta = given instanceof ObjectNode object ? object.deepCopy() : Json.object();
        meta.put("eventId", UUID.randomUUID().toString());
        meta.put("occurredAt", System.currentTimeMillis());
        meta.put("producer", PRODUCER);
        meta.putIfAbsent("causationId", NullNode.getInstance());
        meta.putIfAbsent("correlationId", NullNode.getInstance());
        return meta;
    }

    /** Most topics are keyed by entitlementId (see Topics), so an event that has one needs no --key. */
    private static String defaultKeyOf(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField(KEY_FIELD);
        Object value = field == null ? null : event.get(field.pos());
        if (value == null) {
            throw new UsageException("no key: give --key (" + event.getSchema().getName()
                    + (field == null ? " has no " : " has a null ") + KEY_FIELD + " to default to)");
        }
        return value.toString();
    }

    private static String text(ObjectNode envelope, String field) {
        JsonNode value = envelope.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new UsageException("\"" + field + "\" must be a string");
        }
        return value.asText();
    }

    private static String knownTypes() {
        return EventCatalog.EVENT_TYPES.stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
    }

    /** Prefixes any input error with where it was found (--json, or file:line). */
    private static <T> T at(String where, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (UsageException e) {
            throw new UsageException(where + ": " + e.getMessage());
        }
    }
}
