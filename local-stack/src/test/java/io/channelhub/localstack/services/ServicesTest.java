package io.channelhub.localstack.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.localstack.DataDirectory;
import io.channelhub.notification.NotificationServiceApplication;
import io.channelhub.transfer.TransferServiceApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

class ServicesTest {

    @TempDir
    Path tempDir;

    /** Like a service: its defaults come from its own file through @PropertySource. */
    @Configuration(proxyBeanMethods = false)
    @PropertySource("classpath:service-defaults-for-test.properties")
    static class ServiceWithDefaults {
    }

    private static final Map<String, Object> STACK = Map.of("spring.kafka.bootstrap-servers", "localhost:19092");

    @Test
    void stackSettingsWinOverTheServicesOwnDefaults() {
        try (ConfigurableApplicationContext context = Services.application(ServiceWithDefaults.class, STACK)
                .web(WebApplicationType.NONE).run()) {
            assertThat(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:19092");
            assertThat(context.getEnvironment().getProperty("spring.kafka.streams.state-dir"))
                    .isEqualTo("var/state/some-service");
        }
    }

    @Test
    void builderPropertiesWouldLoseToThoseDefaults() {
        // why Services does not use SpringApplicationBuilder.properties: they are the lowest-ranked source
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ServiceWithDefaults.class)
                .properties(STACK).bannerMode(Banner.Mode.OFF).web(WebApplicationType.NONE).run()) {
            assertThat(context.getEnvironment().getProperty("spring.kafka.bootstrap-servers")).isEqualTo("localhost:9092");
        }
    }

    @Test
    void pointsEachServiceAtTheStackAndKeepsItsStateInTheDataDirectory() {
        DataDirectory data = DataDirectory.prepare(tempDir.resolve("data"), false);
        Services.Settings settings = new Services.Settings("localhost:19092", 3125, data, Duration.ofSeconds(5),
                Services.ports(1, 0));
        ServiceSpec transfer = new ServiceSpec("transfer-service", TransferServiceApplication.class, false);

        Map<String, Object> props = Services.properties(transfer, "transfer-service", 8081, true, settings);

        assertThat(props).containsEntry("server.port", 8081)
                .containsEntry("spring.kafka.bootstrap-servers", "localhost:19092")
                .containsEntry("spring.kafka.streams.state-dir", data.root().resolve("state/transfer-service").toString())
                .containsEntry("channelhub.clock.enabled", true)
                .containsEntry("channelhub.clock.period", "PT5S")
                .doesNotContainKey("spring.mail.host");
    }

    @Test
    void mailGoesToTheStacksSmtpServerAndOnlyServicesWithCommandTopicsTick() {
        DataDirectory data = DataDirectory.prepare(tempDir.resolve("data"), false);
        Services.Settings settings = new Services.Settings("localhost:19092", 3125, data, Duration.ofSeconds(5),
                Services.ports(1, 0));
        ServiceSpec notification = new ServiceSpec("notification-service", NotificationServiceApplication.class, true);

        Map<String, Object> props = Services.properties(notification, "notification-service", notification.port(), true,
                settings);

        assertThat(props).containsEntry("spring.mail.host", "localhost").containsEntry("spring.mail.port", 3125)
                .doesNotContainKey("channelhub.clock.enabled");
    }

    @Test
    void aSecondInstanceHasItsOwnPortAndStateAndDoesNotTick() {
        DataDirectory data = DataDirectory.prepare(tempDir.resolve("data"), false);
        Services.Settings settings = new Services.Settings("localhost:19092", 3125, data, Duration.ofSeconds(5),
                Services.ports(2, 0));
        ServiceSpec transfer = new ServiceSpec("transfer-service", TransferServiceApplication.class, false);

        Map<String, Integer> ports = settings.ports();
        Map<String, Object> props = Services.properties(transfer, "transfer-service-2",
                ports.get("transfer-service-2"), false, settings);

        assertThat(ports).hasSize(8).containsEntry("transfer-service-2", transfer.port() + 100);
        assertThat(ports.values()).doesNotHaveDuplicates();
        assertThat(props).containsEntry("server.port", transfer.port() + 100)
                .containsEntry("spring.kafka.streams.state-dir",
                        data.root().resolve("state/transfer-service-2").toString())
                .doesNotContainKey("channelhub.clock.enabled");
    }

    @Test
    void readsEachServicesPortFromItsOwnDefaults() {
        assertThat(Services.ports(1, 0)).containsOnlyKeys("transfer-service", "discount-service", "billing-service",
                "notification-service");
        assertThat(Services.ports(1, 0).values()).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port).isPositive());
    }

    // issue 23: a second stack beside the first: every instance, and the decision links e-mails carry, move along
    @Test
    void aPortOffsetMovesEveryInstanceAndTheLinksToIt() {
        DataDirectory data = DataDirectory.prepare(tempDir.resolve("data"), false);
        Map<String, Integer> shifted = Services.ports(2, 1000);
        Services.Settings settings = new Services.Settings("localhost:10092", 4025, data, Duration.ofSeconds(5),
                shifted);
        ServiceSpec notification = new ServiceSpec("notification-service", NotificationServiceApplication.class, true);

        Map<String, Object> props = Services.properties(notification, "notification-service",
                shifted.get("notification-service"), true, settings);

        Map<String, Integer> unshifted = Services.ports(2, 0);
        assertThat(shifted).hasSize(8).containsOnlyKeys(unshifted.keySet());
        unshifted.forEach((instance, port) -> assertThat(shifted).containsEntry(instance, port + 1000));
        assertThat(props).containsEntry("server.port", unshifted.get("notification-service") + 1000)
                .containsEntry("channelhub.approvals.base-url",
                        "http://localhost:" + (unshifted.get("transfer-service") + 1000))
                .containsEntry("channelhub.discounts.acceptance-base-url",
                        "http://localhost:" + (unshifted.get("discount-service") + 1000))
                .containsEntry("spring.mail.port", 4025);
    }
}
