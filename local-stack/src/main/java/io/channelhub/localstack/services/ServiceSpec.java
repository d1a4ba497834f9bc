package io.channelhub.localstack.services;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * One service as the local stack runs it. Its defaults (port, application id, clock topics) stay in the
 * service's own {@code <name>.properties}; the stack reads what it needs from there instead of repeating it.
 */
record ServiceSpec(String name, Class<?> application, boolean sendsMail) {

    int port() {
        String port = defaults().getProperty("server.port");
        if (port == null) {
            throw new IllegalStateException(name + ".properties declares no server.port");
        }
        return Integer.parseInt(port.trim());
    }

    /** Whether the service has command topics to tick; a ticker with none has nothing to do. */
    boolean ticks() {
        return !defaults().getProperty("channelhub.clock.topics", "").isBlank();
    }

    private Properties defaults() {
        String resource = "/" + name + ".properties";
        try (InputStream in = application.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(name + " has no " + resource + " on the classpath");
            }
            Properties defaults = new Properties();
            defaults.load(in);
            return defaults;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
