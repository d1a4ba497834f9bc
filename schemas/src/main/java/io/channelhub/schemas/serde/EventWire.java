package io.channelhub.schemas.serde;

import io.channelhub.schemas.registry.SchemaRegistry;
import java.util.Optional;

/**
 * The schema registry every {@link EventSerde} of this JVM writes ids of and resolves writer schemas from. One
 * per process, like Avro's trusted packages ({@link AvroTrust}): a service, the local stack or the ops CLI binds
 * it once at start from its configuration, before any record is encoded or decoded; the serdes built anywhere in
 * its topologies then share the registry's ids and caches.
 */
public final class EventWire {

    private static volatile ConfluentFraming framing;

    private EventWire() {
    }

    /** Binds this JVM's serdes to the registry; binding another one later starts afresh (ids are per registry). */
    public static synchronized void use(SchemaRegistry registry) {
        if (framing == null || framing.registry() != registry) {
            framing = new ConfluentFraming(registry);
        }
    }

    public static Optional<SchemaRegistry> registry() {
        ConfluentFraming current = framing;
        return current == null ? Optional.empty() : Optional.of(current.registry());
    }

    static ConfluentFraming framing() {
        ConfluentFraming current = framing;
        if (current == null) {
            throw new IllegalStateException("No schema registry bound: set channelhub.schema-registry.url (services)"
                    + " or --registry-url (ops) to the registry's Confluent API, e.g. "
                    + "http://localhost:8085/apis/ccompat/v7");
        }
        return current;
    }
}
