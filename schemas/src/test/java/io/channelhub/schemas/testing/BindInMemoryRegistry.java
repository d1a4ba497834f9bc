package io.channelhub.schemas.testing;

import io.channelhub.schemas.serde.EventWire;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Binds {@link InMemorySchemaRegistry#shared()} before any test class of a module whose tests depend on this
 * test-jar, unless a registry is bound already. Registered for JUnit's extension autodetection (the parent pom
 * enables it), so no test has to remember it.
 */
public final class BindInMemoryRegistry implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        if (EventWire.registry().isEmpty()) {
            EventWire.use(InMemorySchemaRegistry.shared());
        }
    }
}
