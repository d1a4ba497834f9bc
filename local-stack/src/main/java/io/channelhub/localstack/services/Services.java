package io.channelhub.localstack.services;

import io.channelhub.billing.BillingServiceApplication;
import io.channelhub.discount.DiscountServiceApplication;
import io.channelhub.localstack.DataDirectory;
import io.channelhub.notification.NotificationServiceApplication;
import io.channelhub.platform.security.DevTokenIssuer;
import io.channelhub.transfer.TransferServiceApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Starts the four services in this JVM, each in its own Spring context (no parent), pointed at the local stack. */
public final class Services {
    private Services() {
    }

    private static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("transfer-service", TransferServiceApplication.class, false),
            new ServiceSpec("discount-service", DiscountServiceApplication.class, false),
            new ServiceSpec("billing-service", BillingServiceApplication.class, false),
            new ServiceSpec("notification-service", NotificationServiceApplication.class, true));

    /** The HTTP port of instance n (from 2) is the first instance's plus this times (n - 1). */
    static final int INSTANCE_PORT_STEP = 100;

    /**
     * What the services need to know about the stack around them; {@code ports} has every instance's HTTP port
     * (as {@link #ports(int, int)} makes them), and the instances of each service share its partitions (two show
     * failover: kill one and the other takes over).
     */
    public record Settings(String bootstrapServers, int smtpPort, DataDirectory data, Duration tickPeriod,
            Map<String, Integer> ports) {
    }

    /**
     * The HTTP port of every instance, by instance name ({@code transfer-service}, {@code transfer-service-2}): the
     * service's default port, + 100 per further instance, + the stack's port offset.
     */
    public static Map<String, Integer> ports(int instances, int offset) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (int n = 1; n <= instances; n++) {
            for (ServiceSpec spec : ALL) {
                ports.put(instanceName(spec, n), spec.port() + INSTANCE_PORT_STEP * (n - 1) + offset);
            }
        }
        return ports;
    }

    private static String instanceName(ServiceSpec spec, int n) {
        return n == 1 ? spec.name() : spec.name() + "-" + n;
    }

    /**
     * Starts the services one after another (Spring Boot's logging setup is per JVM and not made for concurrent
     * starts) and hands each to {@code started} as soon as it runs, so a failure later still stops it.
     */
    public static List<RunningService> start(Settings settings, Consumer<RunningService> started) {
        return start(settings, Map.of(), started);
    }

    /**
     * The same, with {@code overrides} on top of the stack's settings for every service (the benchmarks: free HTTP
     * ports beside another running stack, a setting under test).
     */
    public static List<RunningService> start(Settings settings, Map<String, Object> overrides,
            Consumer<RunningService> started) {
        List<RunningService> running = new ArrayList<>();
        settings.ports().forEach((name, port) -> {
            ServiceSpec spec = ALL.stream().filter(s -> name.equals(s.name()) || name.startsWith(s.name() + "-"))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException("No service " + name));
            Map<String, Object> properties = properties(spec, name, port, name.equals(spec.name()), settings);
            properties.putAll(overrides);
            ConfigurableApplicationContext context = application(spec.application(), properties).run();
            RunningService service = new RunningService(name, port, context);
            started.accept(service);
            running.add(service);
        });
        return running;
    }

    /**
     * A service application with the stack's settings on top. They go in as the first property source rather
     * than through {@code SpringApplicationBuilder.properties}: those are default properties, which rank below
     * the services' own {@code @PropertySource} defaults (state dir, bootstrap servers) and would not take effect.
     */
    static SpringApplicationBuilder application(Class<?> application, Map<String, Object> properties) {
        return new SpringApplicationBuilder(application)
                .main(application) // logs name the service, not LocalStack
                .bannerMode(Banner.Mode.OFF)
                // the stack closes services before the SMTP server and the broker, in its own shutdown hook
                .registerShutdownHook(false)
                .initializers(context -> context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("local-stack", properties)));
    }

    /** The stack's settings for one service instance; one ticker per service is enough (docs/runbook.md). */
    static Map<String, Object> properties(ServiceSpec spec, String instance, int port, boolean ticker,
            Settings settings) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", port);
        props.put("spring.kafka.bootstrap-servers", settings.bootstrapServers());
        props.put("spring.kafka.streams.state-dir", settings.data().streamsState(instance).toString());
        if (ticker && spec.ticks()) {
            props.put("channelhub.clock.enabled", true);
            props.put("channelhub.clock.period", settings.tickPeriod().toString());
        }
        // decision links: notification signs them; transfer-service (approvals) and discount-service
        // (acceptances) verify them and serve the pages
        props.put("channelhub.approvals.key", settings.data().approvalKey());
        // bearer tokens: the stack's own issuer (./run-local-stack.sh token ...) stands in for an identity provider
        props.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                settings.data().tokenIssuerPublicKey());
        props.putAll(DevTokenIssuer.requiredClaims());
        // a developer's machine: health's details (Streams state) without a token
        props.put("management.endpoint.health.show-details", "always");
        props.put("channelhub.approvals.base-url", "http://localhost:" + settings.ports().get("transfer-service"));
        props.put("channelhub.discounts.acceptance-base-url",
                "http://localhost:" + settings.ports().get("discount-service"));
        if (spec.sendsMail()) {
            props.put("spring.mail.host", "localhost");
            props.put("spring.mail.port", settings.smtpPort());
        }
        return props;
    }
}
