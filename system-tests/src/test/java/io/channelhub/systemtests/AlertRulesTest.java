package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.channelhub.localstack.prometheus.LocalPrometheus;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * promtool's checks of ops/prometheus and its unit tests of every alert (ops/prometheus/alerts-test.yml): firing,
 * quiet on a healthy system, a first burst after a start, a restart. Skipped where promtool is not installed
 * (Debian: {@code apt-get install prometheus}; .ci/run installs it).
 */
class AlertRulesTest {

    private static final Path OPS = MetricNamesTest.ROOT.resolve("ops/prometheus");

    @TempDir
    Path dir;

    @Test
    void theConfigurationAndTheRulesPassPromtoolsChecks() throws Exception {
        Path promtool = promtool();

        assertPasses(OPS, promtool.toString(), "check", "rules", "alerts.yml");
        assertPasses(OPS, promtool.toString(), "check", "config", "prometheus.yml");
    }

    /**
     * promtool compares an alert's annotations too, and ours are long descriptions with the alert's value in them:
     * the tests run on a copy of alerts.yml without annotations (the check above parses their templates).
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyAlertPassesItsUnitTests() throws Exception {
        Path promtool = promtool();
        Map<String, Object> rules = yaml(OPS.resolve("alerts.yml"));
        for (Object group : (List<?>) rules.get("groups")) {
            ((List<Map<String, Object>>) ((Map<String, Object>) group).get("rules"))
                    .forEach(rule -> rule.remove("annotations"));
        }
        Files.writeString(dir.resolve("alerts.yml"), new Yaml().dump(rules));
        Files.copy(OPS.resolve("alerts-test.yml"), dir.resolve("alerts-test.yml"));

        assertPasses(dir, promtool.toString(), "test", "rules", "alerts-test.yml");
    }

    /** Each alert has a test where it fires and one where it stays quiet. */
    @Test
    @SuppressWarnings("unchecked")
    void everyAlertIsTestedFiringAndQuiet() {
        Set<String> alerts = new TreeSet<>();
        MetricNamesTest.alertRules().forEach(rule -> alerts.add(String.valueOf(rule.get("alert"))));
        Set<String> firing = new TreeSet<>();
        Set<String> quiet = new TreeSet<>();
        for (Object test : (List<?>) yaml(OPS.resolve("alerts-test.yml")).get("tests")) {
            for (Object check : (List<?>) ((Map<String, Object>) test).get("alert_rule_test")) {
                Map<String, Object> expectation = (Map<String, Object>) check;
                List<?> expected = (List<?>) expectation.get("exp_alerts");
                (expected == null || expected.isEmpty() ? quiet : firing)
                        .add(String.valueOf(expectation.get("alertname")));
            }
        }

        assertThat(alerts).hasSizeGreaterThan(10);
        assertThat(firing).as("alerts tested firing").containsAll(alerts);
        assertThat(quiet).as("alerts tested quiet").containsAll(alerts);
    }

    private static Path promtool() {
        Optional<Path> promtool = LocalPrometheus.onPath("promtool");
        assumeTrue(promtool.isPresent(), "promtool is not installed: the alert rule unit tests are skipped (Debian "
                + "and Ubuntu: apt-get install prometheus; .ci/run installs it)");
        return promtool.get();
    }

    private static void assertPasses(Path workingDir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " in " + workingDir + ":\n" + output)
                .isZero();
    }

    private static Map<String, Object> yaml(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }
}
