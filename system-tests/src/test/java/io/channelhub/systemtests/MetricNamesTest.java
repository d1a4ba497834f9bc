package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.pricing.event.ResellerMarginSet;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.event.TransferRequested;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/**
 * The alerts (ops/prometheus/alerts.yml) and the Grafana dashboards (ops/grafana/dashboards/*.json) query only
 * metric names the running services export: a renamed metric or a typo in a query fails here, not silently on a
 * dashboard that shows "No data" or an alert that never fires.
 *
 * <p>Counters with tags exist only once something counted them. After every journey most have; so that this class
 * also proves its point when run alone, it first causes what the dashboards show and the journeys would have: an
 * incomplete transfer request sent twice (an info request, a refusal, an outcome, an e-mail, a duplicate) and,
 * unless the billing journey already issued one, a month invoiced. What no test here can cause is in
 * {@link #NOT_EXPORTED_HERE}, each with its reason.
 */
@ExtendWith(SystemUnderTest.class)
@Order(8)
class MetricNamesTest {

    private static final Path ROOT = repositoryRoot();
    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Names the alerts and dashboards may use although no service exports them in this test, and why. */
    private static final Map<String, String> NOT_EXPORTED_HERE = Map.of(
            "up", "Prometheus's own per-target series (1 when the scrape succeeded), never exported by a service",
            "channelhub_emails_failed_total", "created by the first failed SMTP delivery; GreenMail accepts every "
                    + "message (notification-service's EmailDeliveryTest fails deliveries on purpose)",
            "channelhub_emails_parked_total", "created by the first e-mail parked after "
                    + "channelhub.mail.retry.max-attempts failures, minutes of back-off; GreenMail accepts every "
                    + "message (EmailDeliveryTest parks one and reads this counter by name)",
            "channelhub_clock_ticks_total", "created by the ticker's first tick; the system under test runs "
                    + "without the ticker (channelhub.clock.enabled=false) and the journeys publish ClockTicked "
                    + "themselves (platform's ClockTickerTest reads this counter by name)");

    /** Functions, aggregations, keywords and literals: identifiers in PromQL that are not metric names. */
    private static final Set<String> PROMQL_WORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
            "group_left", "group_right", "offset", "bool", "atan2", "inf", "nan", "start", "end");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

    /** Sample name at the start of a line of the Prometheus text format. */
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    private static final String RESELLER = "MN-R";
    private static final Instant MAY = Instant.parse("2032-05-01T00:00:00Z");
    private static final Instant JUNE = Instant.parse("2032-06-01T00:00:00Z");

    @BeforeAll
    static void causeWhatTheDashboardsShow() {
        KafkaTestClient kafka = SystemUnderTest.kafka();
        // T3 and X2: an info request (refusal, outcome, e-mail to the contact), then the same request again
        TransferRequested incomplete = TransferRequested.newBuilder().setMeta(meta(Instant.now()))
                .setCustomerCompanyName("Metric Names Ltd").setEntitlementId("MN-E-1").setOfferId(null)
                .setCurrentBillingAccountId("MN-BA-1").setTargetBillingAccountId("MN-BA-2").setContactName("Mina")
                .setContactEmail("mina@metric-names.example").build();
        kafka.send(Topics.TRANSFERS_COMMANDS, "MN-E-1", incomplete);
        kafka.send(Topics.TRANSFERS_COMMANDS, "MN-E-1", incomplete);
        SystemUnderTest.emailsAbout("MN-E-1", 1);

        if (!exported().contains("channelhub_billing_invoices_total")) {
            aMonthIsInvoiced(kafka);
        }
    }

    /** B1, B2, B4: one annual subscription for May, invoiced on the first tick of June. */
    private static void aMonthIsInvoiced(KafkaTestClient kafka) {
        Instant now = Instant.now();
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:" + RESELLER, new ResellerRegistered(meta(now), RESELLER,
                "Metric Names Reseller", "billing@mn-r.example", "IT"));
        kafka.send(Topics.DIRECTORY_EVENTS, "isv:MN-ISV", new IsvRegistered(meta(now), "MN-ISV", "Metric Vendor",
                "partners@mn-isv.example", true));
        kafka.send(Topics.DIRECTORY_EVENTS, "account:MN-A", new BillingAccountRegistered(meta(now), "MN-A",
                "C-MN-A", "Customer MN-A", "it@mn-a.example", RESELLER));
        kafka.send(Topics.PRICES_EVENTS, "price:MN-SKU:ANNUAL", new PriceListed(meta(now), "MN-SKU", "MN-ISV",
                BillingPlan.ANNUAL, AvroMoney.toAvro(Money.of("120.00", "EUR"))));
        kafka.send(Topics.PRICES_EVENTS, "margin:" + RESELLER, new ResellerMarginSet(meta(now), RESELLER,
                new BigDecimal("20.00")));
        kafka.await(ReferenceTable.tableTopic("billing-service", Topics.PRICES_EVENTS), ResellerMarginSet.class,
                m -> m.getResellerId().equals(RESELLER), 1, WAIT);
        kafka.await(ReferenceTable.tableTopic("billing-service", Topics.PRICES_EVENTS), PriceListed.class,
                p -> p.getSku().equals("MN-SKU"), 1, WAIT);
        kafka.await(ReferenceTable.tableTopic("billing-service", Topics.DIRECTORY_EVENTS),
                BillingAccountRegistered.class, a -> a.getBillingAccountId().equals("MN-A"), 1, WAIT);
        kafka.send(Topics.BILLING_COMMANDS, RESELLER, new SubscriptionPlanChosen(meta(MAY), "MN-S1", RESELLER,
                "MN-A", "MN-ISV", "MN-SKU", null, BillingPlan.ANNUAL, 5, null, null, null));
        kafka.await(Topics.BILLING_EVENTS, SubscriptionUpdated.class, u -> u.getSubscriptionId().equals("MN-S1"), 1,
                WAIT);
        kafka.send(Topics.BILLING_COMMANDS, RESELLER, new ClockTicked(meta(JUNE.plusSeconds(30)),
                JUNE.plusSeconds(30)));
        kafka.await(Topics.BILLING_EVENTS, InvoiceIssued.class, i -> i.getPayerId().equals(RESELLER), 1, WAIT);
    }

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
    private static void targets(JsonNode node, String panel, Map<String, String> expressions) {
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
    private static List<Map<String, Object>> alertRules() {
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

    private static EventMeta meta(Instant at) {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setProducer("system-test").build();
    }
}
