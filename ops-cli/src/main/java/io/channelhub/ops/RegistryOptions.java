package io.channelhub.ops;

import io.channelhub.schemas.registry.ConfluentRegistryClient;
import io.channelhub.schemas.registry.SchemaRegistry;
import io.channelhub.schemas.serde.EventWire;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The schema registry events' writer schemas are registered in and looked up from. */
final class RegistryOptions {

    static final String ENV_REGISTRY = "CHANNELHUB_SCHEMA_REGISTRY_URL";

    @Option(names = "--registry-url", paramLabel = "URL",
            defaultValue = "${env:" + ENV_REGISTRY + ":-http://localhost:8085/apis/ccompat/v7}",
            description = "The schema registry's Confluent API. Default: $" + ENV_REGISTRY
                    + ", else the local stack's (now: ${DEFAULT-VALUE}).")
    String registryUrl;

    /**
     * Binds this JVM's serdes to the registry, unless they are bound already (a test binds its own), and answers
     * the bound one. An operator waits seconds, not a service's half minute, for an unreachable registry.
     */
    SchemaRegistry bind() {
        if (EventWire.registry().isEmpty()) {
            EventWire.use(new ConfluentRegistryClient(registryUrl, Duration.ofSeconds(10)));
        }
        return EventWire.registry().orElseThrow();
    }
}
