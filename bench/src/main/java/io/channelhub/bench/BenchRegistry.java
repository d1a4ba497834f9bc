package io.channelhub.bench;

import io.channelhub.localstack.Ports;
import io.channelhub.localstack.registry.LocalRegistry;
import io.channelhub.schemas.registry.ConfluentRegistryClient;
import io.channelhub.schemas.serde.EventWire;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The schema registry a benchmark's serdes and in-process services use: the one this JVM is bound to already (a
 * test's), else {@code $CHANNELHUB_SCHEMA_REGISTRY_URL} when set, else one started for the run (schemas in memory)
 * and stopped when the JVM exits. Bound before anything is encoded, so the services started in the benchmark's
 * JVM use it too.
 */
final class BenchRegistry {

    private BenchRegistry() {
    }

    static void bind() {
        if (EventWire.registry().isPresent()) {
            return;
        }
        String url = System.getenv("CHANNELHUB_SCHEMA_REGISTRY_URL");
        if (url == null || url.isBlank()) {
            LocalRegistry registry = LocalRegistry.start(LocalRegistry.home(), Ports.free(), Optional.empty(),
                    Path.of("target", "bench-schema-registry.log").toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(registry::close, "bench-registry-stop"));
            url = registry.url();
        }
        EventWire.use(new ConfluentRegistryClient(url));
    }
}
