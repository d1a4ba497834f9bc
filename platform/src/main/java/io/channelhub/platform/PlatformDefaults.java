package io.channelhub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds channelhub-platform.properties (actuator exposure, topic settings) as the environment's lowest-precedence
 * source, before the context refreshes: a {@code @PropertySource} on an auto-configuration arrives too late for
 * actuator's endpoint exposure. Everything else (service defaults, env vars, arguments) overrides it.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "channelhub-platform.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("channelhub-platform-defaults",
                    new ClassPathResource(RESOURCE, PlatformDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
