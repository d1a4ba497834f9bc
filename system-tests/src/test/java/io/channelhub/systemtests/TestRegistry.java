package io.channelhub.systemtests;

import io.channelhub.localstack.registry.LocalRegistry;
import io.channelhub.schemas.registry.ConfluentRegistryClient;
import io.channelhub.schemas.serde.EventWire;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real schema registry (Apicurio, as the local stack runs it) for every system test of this JVM, started on
 * first use and stopped when the JVM ends; this JVM's serdes are bound to it. Schemas in memory: each run starts
 * from an empty registry, which the services fill as they start.
 */
public final class TestRegistry {

    private static LocalRegistry registry;

    private TestRegistry() {
    }

    /** The Confluent API's root, for services in child processes and for clients such as the Node.js one. */
    public static synchronized String url() {
        if (registry == null) {
            registry = LocalRegistry.start(LocalRegistry.home(), io.channelhub.localstack.Ports.free(),
                    Optional.empty(), Path.of("target", "e2e-logs", "schema-registry.log").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "schema-registry-stop"));
            EventWire.use(new ConfluentRegistryClient(registry.url()));
        }
        return registry.url();
    }
}
