package io.channelhub.localstack.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

class LocalPrometheusTest {

    /** local-stack's tests run in local-stack/: the project's configuration is one level up. */
    private static final Path OPS = Path.of("..", "ops", "prometheus");
    private static final Map<String, List<Integer>> PORTS = Map.of("transfer-service", List.of(18081, 18181),
            "discount-service", List.of(18082), "billing-service", List.of(18083),
            "notification-service", List.of(18084));

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void scrapesEveryJobOfTheProjectsConfigurationOnLocalhostWithItsRules() throws IOException {
        Map<String, Object> config = new Yaml().load(LocalPrometheus.config(OPS, PORTS, Duration.ofSeconds(5)));

        assertThat((Map<String, Object>) config.get("global")).containsEntry("scrape_interval", "5000ms")
                .containsEntry("evaluation_interval", "5000ms");
        assertThat((List<String>) config.get("rule_files")).containsExactly(
                OPS.resolve("alerts.yml").toAbsolutePath().normalize().toString());
        List<Map<String, Object>> jobs = (List<Map<String, Object>>) config.get("scrape_configs");
        assertThat(jobs).extracting(job -> job.get("job_name")).containsExactlyInAnyOrderElementsOf(PORTS.keySet());
        assertThat(jobs).allSatisfy(job -> {
            assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
            assertThat(job.get("static_configs")).isEqualTo(List.of(Map.of("targets",
                    PORTS.get(job.get("job_name")).stream().map(port -> "localhost:" + port).toList())));
        });
    }

    @Test
    void aJobWithoutALocalServiceFailsWithItsName() {
        assertThatThrownBy(() -> LocalPrometheus.config(OPS, Map.of("transfer-service", List.of(18081)),
                Duration.ofSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("discount-service");
    }

    @Test
    void startsTheInstalledPrometheusWithTheProjectsRules() throws Exception {
        Optional<Path> binary = LocalPrometheus.onPath("prometheus");
        assumeThat(binary).as("no prometheus on the PATH (Debian: apt-get install prometheus): not started here")
                .isPresent();
        try (LocalPrometheus prometheus = LocalPrometheus.start(binary.get(), OPS, PORTS, Duration.ofSeconds(1),
                freePort(), dir)) {
            HttpResponse<String> rules = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(prometheus.url() + "/api/v1/rules")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(rules.statusCode()).isEqualTo(200);
            assertThat(rules.body()).contains("\"name\":\"ForgedDecisionLinks\"", "\"name\":\"InvoiceRunLate\"");
        }
        assertThat(Files.readString(dir.resolve("prometheus.yml"))).contains("localhost:18081");
    }

    private static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
