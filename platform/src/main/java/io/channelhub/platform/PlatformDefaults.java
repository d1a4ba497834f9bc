package io.channelhub.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds channelhub-platform.properties (actuator exposure, topic settings) as the environment's lowest-precedence
 * source, before the context refreshes: a {@code @PropertySource} on an auto-configuration arrives too late for
 * actuator's endpoint exposure. Everything else (service defaults, env vars, arguments) overrides it.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "channelhub-platform.properties";

    /** The shared defaults' topic settings, for programs that create the topics before a service starts (bench). */
    public static ChannelHubProperties.TopicSettings topics() {
        return topics(Map.of());
    }

    /** The same with {@code overrides} (properties, as a service would be given them) applied. */
    public static ChannelHubProperties.TopicSettings topics(Map<String, ?> overrides) {
        try {
            Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource(RESOURCE,
                    PlatformDefaults.class.getClassLoader()));
            defaults.putAll(overrides);
            return new Binder(new MapConfigurationPropertySource(defaults))
                    .bind("channelhub.topics", ChannelHubProperties.TopicSettings.class).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
