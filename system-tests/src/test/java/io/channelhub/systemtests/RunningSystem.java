package io.channelhub.systemtests;

import io.channelhub.billing.BillingServiceApplication;
import io.channelhub.discount.DiscountServiceApplication;
import io.channelhub.notification.NotificationServiceApplication;
import io.channelhub.platform.security.PartyKind;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.platform.testing.TestTokens;
import io.channelhub.transfer.TransferServiceApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The four services, each in its own Spring context as in production, on the test JVM's embedded broker and a
 * given SMTP port; state in a fresh temporary directory.
 */
final class RunningSystem implements AutoCloseable {

    static final Map<String, Class<?>> SERVICES = Map.of(
            "transfer-service", TransferServiceApplication.class,
            "discount-service", DiscountServiceApplication.class,
            "billing-service", BillingServiceApplication.class,
            "notification-service", NotificationServiceApplication.class);

    private final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    RunningSystem(int smtpPort, String approvalKey, String smtpUser, String smtpPassword) throws IOException {
        Path state = Files.createTempDirectory("channelhub-system-test");
        // arguments, not builder properties: those are defaults, below each service's own defaults file
        SERVICES.forEach((name, app) -> contexts.put(name, new SpringApplicationBuilder(app).run(
                "--spring.kafka.bootstrap-servers=" + KafkaTestClient.brokers(),
                "--channelhub.schema-registry.url=" + TestRegistry.url(),
                "--spring.kafka.streams.state-dir=" + state.resolve(name),
                "--server.port=0",
                "--spring.mail.port=" + smtpPort,
                "--channelhub.mail.retry.initial=PT0.2S",
                "--channelhub.approvals.key=" + approvalKey,
                "--spring.mail.username=" + smtpUser,
                "--spring.mail.password=" + smtpPassword,
                "--spring.mail.properties.mail.smtp.auth=true")));
    }

    int port(String service) {
        return Integer.parseInt(contexts.get(service).getEnvironment().getProperty("local.server.port"));
    }

    /** A GET without a token: probes and scraping. */
    HttpResponse<String> get(String service, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(service) + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A GET as this party, with a token of the test JVM's identity provider. */
    HttpResponse<String> get(String service, String path, PartyKind kind, String partyId)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(service) + path))
                .header("Authorization", TestTokens.bearer(kind, partyId)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        contexts.values().forEach(ConfigurableApplicationContext::close);
    }
}
