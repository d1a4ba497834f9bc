package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/**
 * The alerts (ops/prometheus/alerts.yml) and the Grafana dashboards (ops/grafana/dashboards/*.json) query only
 * metric names the running services export: a renamed metric or a typo in a query fails here, not silently on a
 * dashboard that shows "No data" or an alert that never fires.
 *
 * <p>The business counters exist at 0 from each service's start (platform's KnownSeries), so this class needs no
 * traffic to prove its point, run alone or after the journeys. What no service exports is in
 * {@link #NOT_EXPORTED_HERE}, with its reason.
 */
@ExtendWith(SystemUnderTest.class)
@Order(8)
class MetricNamesTest {

    static final Path ROOT = repositoryRoot();
    /** Micrometer binds the Kafka metrics a client adds after its start (per partition) a minute on. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Names the alerts and dashboards may use although no service exports them in this test, and why. */
    private static final Map<String, String> NOT_EXPORTED_HERE = Map.of(
            "up", "Prometheus's own per-target series (1 when the scrape succeeded), never exported by a service",
            "channelhub_clock_ticks_total", "registered by the ticker; the system under test runs without it "
                    + "(channelhub.clock.enabled=false) and the journeys publish ClockTicked themselves (platform's "
                    + "ClockTickerTest reads this counter by name)");

    /** Functions, aggregations, keywords and literals: identifiers in PromQL that are not metric names. */
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "atan2", "inf", "nan", "start", "end");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    /** Sample name at the start of a line of the Prometheus text format. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");


    @Test
    void everyMetricTheAlertsAndDashboardsQueryIsExportedByAService() throws Exception {
        Map<String, Set<String>> used = usedNames();
        Set<String> exported = awaitExported(used.keySet());
        Files.createDirectories(Paths.get("target"));
        Files.write(Paths.get("target/exported-metric-names.txt"), exported);

        assertThat(used).as("metric names found in the alerts and dashboards").hasSizeGreaterThan(20);

        Map<String, Set<String>> missing = new TreeMap<>();
        used.forEach((name, where) -> {
            if (!exported.contains(name) && !NOT_EXPORTED_HERE.containsKey(name)) {
                missing.put(name, where);
            }
        });
        assertThat(missing).as("metric names queried by alerts/dashboards that no service exports "
                + "(name -> where; the exported names are in system-tests/target/exported-metric-names.txt)")
                .isEmpty();
        assertThat(NOT_EXPORTED_HERE.keySet()).as("allow-listed names still in use")
                .allSatisfy(name -> assertThat(used).containsKey(name));
    }

    /** Every alert says what happened and links to the runbook section that says what to do. */
    @Test
    void everyAlertLinksToARunbookSectionThatExists() throws IOException {
        String runbook = Files.readString(ROOT.resolve("docs/runbook.md"));
        Set<String> anchors = anchors(runbook);
        List<Map<String, Object>> rules = alertRules();
        assertThat(rules).as("alert rules").isNotEmpty();
        for (Map<String, Object> rule : rules) {
            Object alert = rule.get("alert");
            assertThat(alert).as("a rule of alerts.yml without a name: " + rule).isNotNull();
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
            assertThat(annotations).as(alert + " annotations").isNotNull()
                    .containsKeys("summary", "description", "runbook");
            String link = String.valueOf(annotations.get("runbook"));
            Matcher anchor = Pattern.compile("docs/runbook\\.md#([\\w-]+)$").matcher(link);
            assertThat(anchor.find()).as(alert + " runbook link " + link).isTrue();
            assertThat(anchors).as(alert + " runbook anchor").contains(anchor.group(1));
        }
        Map<String, Object> prometheus = yaml(ROOT.resolve("ops/prometheus/prometheus.yml"));
        assertThat(strings(prometheus.get("rule_files"))).as("prometheus.yml rule_files")
                .anyMatch(file -> file.endsWith("alerts.yml"));
    }

    /** Metric name -> the alerts and panels that query it. */
    private static Map<String, Set<String>> usedNames() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        for (Map<String, Object> rule : alertRules()) {
            String where = "alerts.yml " + rule.get("alert");
            metricNames(String.valueOf(rule.get("expr")))
                    .forEach(name -> used.computeIfAbsent(name, n -> new TreeSet<>()).add(where));
        }
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(ROOT.resolve("ops/grafana/dashboards"))) {
            dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).as("dashboards").isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (Path dashboard : dashboards) {
            Map<String, String> expressions = new LinkedHashMap<>();
            targets(json.readTree(dashboard.toFile()), "", expressions);
            assertThat(expressions).as(dashboard.getFileName() + " panel queries").isNotEmpty();
            expressions.forEach((panel, expr) -> metricNames(expr).forEach(name -> used
                    .computeIfAbsent(name, n -> new TreeSet<>()).add(dashboard.getFileName() + " " + panel)));
        }
        return used;
    }

    /** Every target expression of every panel, rows and nested panels included, by panel title. */
    static void targets(JsonNode node, String panel, Map<String, String> expressions) {
        if (node.isObject()) {
            String title = node.has("title") && node.has("type") ? "\"" + node.get("title").asText() + "\"" : panel;
            JsonNode targets = node.get("targets");
            if (targets != null && targets.isArray()) {
                for (JsonNode target : targets) {
                    if (target.hasNonNull("expr")) {
                        expressions.put(title + " " + target.path("refId").asText(), target.get("expr").asText());
                    }
                }
            }
            node.properties().forEach(field -> targets(field.getValue(), title, expressions));
        } else if (node.isArray()) {
            node.forEach(child -> targets(child, panel, expressions));
        }
    }

    /**
     * The metric names a PromQL expression selects. What is not a name is removed first (strings, label matchers,
     * ranges, label lists of by/without/on/ignoring/group_*, numbers and durations, Grafana variables); of the
     * identifiers left, those followed by "(" are functions or aggregations and a few are keywords.
     */
    static Set<String> metricNames(String expr) {
        String rest = expr
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|`[^`]*`", " ")
                .replaceAll("#[^\\n]*", " ")
                .replaceAll("\\$\\{[^}]*}|\\$\\w+", " ")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("(?<![\\w:])\\d[\\w.]*", " ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (identifier.group(2) == null && !PROMQL_WORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    /** Scrapes until every used name is there (gauges and counters of the last events appear within seconds). */
    private static Set<String> awaitExported(Set<String> used) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Set<String> exported = exported();
            if (exported.containsAll(used.stream().filter(n -> !NOT_EXPORTED_HERE.containsKey(n)).toList())
                    || System.nanoTime() > deadline) {
                return exported;
            }
            SystemUnderTest.sleep(500);
        }
    }

    /** Every sample name any service exposes on /actuator/prometheus now. */
    private static Set<String> exported() {
        Set<String> names = new TreeSet<>();
        for (String service : RunningSystem.SERVICES.keySet()) {
            HttpResponse<String> response;
            try {
                response = SystemUnderTest.services().get(service, "/actuator/prometheus");
            } catch (IOException e) {
                throw new IllegalStateException(service, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(service, e);
            }
            assertThat(response.statusCode()).as(service + " /actuator/prometheus").isEqualTo(200);
            try {
                Files.createDirectories(Paths.get("target"));
                Files.writeString(Paths.get("target/metrics-" + service + ".txt"), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            response.body().lines().map(SAMPLE::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .forEach(names::add);
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        Map<String, Object> file = yaml(ROOT.resolve("ops/prometheus/alerts.yml"));
        for (Object group : (List<?>) file.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                rules.add((Map<String, Object>) rule);
            }
        }
        return rules;
    }

    /** GitHub's heading anchors (lower case, punctuation dropped, spaces to dashes) and explicit ones. */
    private static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        for (String line : markdown.lines().toList()) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").trim().toLowerCase()
                        .replaceAll("[^\\w\\- ]", "").replace(' ', '-'));
            }
            Matcher explicit = Pattern.compile("<a (?:id|name)=\"([\\w-]+)\"").matcher(line);
            while (explicit.find()) {
                anchors.add(explicit.group(1));
            }
        }
        return anchors;
    }

    private static Map<String, Object> yaml(Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new AssertionError("Cannot read " + file, e);
        }
    }

    private static List<String> strings(Object list) {
        return list == null ? List.of() : ((List<?>) list).stream().map(String::valueOf).collect(Collectors.toList());
    }

    /** The directory with the reactor pom.xml and ops/, walking up from where Maven runs the tests. */
    private static Path repositoryRoot() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("ops"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory with pom.xml and ops/ above " + Paths.get("").toAbsolutePath());
    }
}
