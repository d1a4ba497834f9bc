package io.channelhub.schemas.registry;

import io.channelhub.schemas.EventCatalog;
import io.channelhub.schemas.registry.SchemaRegistry.Compatibility;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Where each event type's schemas live in the registry. Record-name strategy: the subject is the record's full
 * name, so a topic carries several event types and a type keeps one lineage on every topic it travels (its
 * outcome topic, a dead-letter topic, a replay). Every subject is FULL_TRANSITIVE: services read with the schema
 * they were built with, whatever version a producer wrote (forward), and read every record already on a topic
 * (backward), against every version ever registered, not only the last.
 */
public final class EventSubjects {

    public static final Compatibility LEVEL = Compatibility.FULL_TRANSITIVE;

    private EventSubjects() {
    }

    public static String subjectOf(Schema schema) {
        return schema.getFullName();
    }

    /**
     * Sets every catalogue type's level and registers its shipped versions, oldest first, then its current one:
     * the registry checks the lineage as the build-time gate does. Idempotent; answers the current ids.
     *
     * @throws IncompatibleSchemaException when the registry holds a version this build cannot live with
     */
    public static Map<Class<? extends SpecificRecord>, Integer> registerAll(SchemaRegistry registry) {
        Map<Class<? extends SpecificRecord>, Integer> ids = new LinkedHashMap<>();
        EventRegistry catalogue = EventRegistry.get();
        for (Class<? extends SpecificRecord> type : EventCatalog.EVENT_TYPES) {
            Schema current = EventRegistry.schemaOf(type);
            String subject = subjectOf(current);
            registry.setCompatibility(subject, LEVEL);
            catalogue.historyOf(type).forEach(shipped -> registry.register(subject, shipped));
            ids.put(type, registry.register(subject, current));
        }
        return ids;
    }
}
