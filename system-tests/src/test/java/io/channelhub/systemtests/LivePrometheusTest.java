package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.localstack.prometheus.LocalPrometheus;
import io.channelhub.notification.event.EmailSent;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.pricing.event.ResellerMarginSet;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.Problem;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferRequested;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dashboards and alerts on a real Prometheus: the binary installed here (Debian's {@code prometheus}) scrapes
 * the four services every second through the local stack's {@link LocalPrometheus}, with ops/prometheus's jobs and
 * alerts.yml. A scripted scenario with known counts runs, then every dashboard and alert expression is evaluated
 * through the query API, and each business panel must read exactly what happened: 1 transfer completed reads 1, an
 * invoice's total reads that total, each refusal by its reason. Runs in a JVM of its own (surefire execution
 * live-prometheus), so its broker and services see nothing but this scenario; skipped without the binary.
 */
@Tag("live-prometheus")
@EnabledIf(value = "prometheusInstalled",
        disabledReason = "no prometheus on the PATH: install it (Debian/Ubuntu: apt-get install prometheus) to run "
                + "the dashboards and alerts on a live Prometheus")
@ExtendWith(SystemUnderTest.class)
class LivePrometheusTest {

    private static final Duration SCRAPE = Duration.ofSeconds(1);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ISV = "partners@l-isv.example";
    private static final int FORGED_LINKS = 10;
    private static final int UNAUTHENTICATED = 60;
    /** Panels no scenario here can fill, and why. */
    private static final Map<String, String> EMPTY_HERE = Map.of(
            "\"Clock ticks published (per 10 minutes)\" A", "the system under test runs without its tickers "
                    + "(channelhub.clock.enabled=false): the tests publish ClockTicked themselves");

    private static LocalPrometheus prometheus;
    private static Instant prometheusStarted;
    private static List<String> firingWhenHealthy;
    private static List<String> countedBeforeTheScenario;
    private static Expected expected;

    /** What the scenario did, read back from the topics and the mailbox. */
    record Expected(Map<Map<String, String>, Double> outcomes, Map<Map<String, String>, Double> emailsByTemplate,
            Map<Map<String, String>, Double> refusals, Map<Map<String, String>, Double> invoices,
            Map<Map<String, String>, Double> invoiced, int emails) {
    }

    static boolean prometheusInstalled() {
        return LocalPrometheus.onPath("prometheus").isPresent();
    }

    @BeforeAll
    static void scrapeTheSystemAndPlayTheScenario() throws Exception {
        Map<String, List<Integer>> ports = new LinkedHashMap<>();
        RunningSystem.SERVICES.keySet().forEach(s -> ports.put(s, List.of(SystemUnderTest.services().port(s))));
        prometheusStarted = Instant.now();
        prometheus = LocalPrometheus.start(LocalPrometheus.onPath("prometheus").orElseThrow(),
                MetricNamesTest.ROOT.resolve("ops/prometheus"), ports, SCRAPE, freePort(),
                Files.createTempDirectory("live-prometheus"));
        awaitScraped(ports.size());

        firingWhenHealthy = firingAlerts();
        countedBeforeTheScenario = labels(query("{__name__=~\"channelhub_.+_total\", __name__!="
                + "\"channelhub_clock_ticks_total\"} > 0"));

        KafkaTestClient kafka = SystemUnderTest.kafka();
        aTransferCompletesWithForgedLinksOnTheWay(kafka);
        anIncompleteRequestTwice(kafka);
        unauthenticatedRequests();
        aGarbageRecord(kafka);
        aMonthInvoiced(kafka);
        expected = whatHappened(kafka);
        SystemUnderTest.sleep(4 * SCRAPE.toMillis()); // the last counts scraped, the rules evaluated on them
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void theHealthySystemFiresNoAlertAndHasCountedNothing() {
        assertThat(firingWhenHealthy).as("alerts firing on the healthy system").isEmpty();
        assertThat(countedBeforeTheScenario).as("business counters above 0 before the scenario").isEmpty();
    }

    @Test
    void everyBusinessPanelReadsWhatHappened() throws IOException {
        Map<String, String> panels = panels("channelhub-business.json");
        Map<String, Map<Map<String, String>, Double>> read = new TreeMap<>();
        panels.forEach((panel, expr) -> read.put(panel, nonZero(query(expr))));
        double amount = expected.invoiced().values().stream().mapToDouble(Double::doubleValue).sum();

        assertThat(read.get("\"Transfers by outcome (per hour)\" A")).isEqualTo(Map.of(
                Map.of("outcome", "opened"), 1.0, Map.of("outcome", "completed"), 1.0,
                Map.of("outcome", "info_requested"), 1.0));
        assertThat(read.get("\"Transfers by kind and outcome (time range)\" A")).isEqualTo(Map.of(
                Map.of("kind", "CHANGE_BILLING_ACCOUNT", "outcome", "opened"), 1.0,
                Map.of("kind", "CHANGE_BILLING_ACCOUNT", "outcome", "completed"), 1.0,
                Map.of("kind", "unknown", "outcome", "info_requested"), 1.0));
        assertThat(read.get("\"Invoices issued (time range)\" A")).isEqualTo(expected.invoices())
                .isEqualTo(read.get("\"Invoices issued per hour\" A"));
        assertThat(expected.invoiced()).hasSize(1);
        expected.invoiced().forEach((currency, total) -> {
            assertThat(read.get("\"Amount invoiced (time range)\" A").get(currency)).isCloseTo(total, within(1e-9));
            assertThat(read.get("\"Amount invoiced per day\" A").get(currency)).isCloseTo(total, within(1e-9));
        });
        assertThat(amount).isPositive();
        assertThat(read.get("\"E-mails sent, failed, parked (per hour)\" A"))
                .isEqualTo(Map.of(Map.of(), (double) expected.emails()));
        assertThat(read.get("\"E-mails sent, failed, parked (per hour)\" B")).as("failed").isEmpty();
        assertThat(read.get("\"E-mails sent, failed, parked (per hour)\" C")).as("parked").isEmpty();
        assertThat(read.get("\"E-mails parked (time range)\" A")).isEmpty();
        assertThat(read.get("\"E-mails failed attempts (time range)\" A")).isEmpty();
        assertThat(read.get("\"E-mails sent by template (per hour)\" A")).isEqualTo(expected.emailsByTemplate());
        assertThat(read.get("\"Refusals by reason (per hour)\" A")).isEqualTo(expected.refusals());
        assertThat(read.get("\"Refusals by reason (time range)\" A")).isEqualTo(without(expected.refusals(),
                "service"));
        assertThat(read.get("\"Dead-letter records by topic (per hour)\" A"))
                .isEqualTo(Map.of(Map.of("topic", Topics.TRANSFERS_COMMANDS), 1.0));
        assertThat(read.get("\"Dead-letter records (time range)\" A")).isEqualTo(Map.of(Map.of(), 1.0));
        assertThat(read.get("\"Duplicates ignored (time range)\" A")).isEqualTo(Map.of(Map.of(), 1.0));
        assertThat(read.get("\"Outcome events written (per hour)\" A")).isEqualTo(expected.outcomes());
        assertThat(read.get("\"HTTP requests refused at the edge (per hour)\" A")).isEqualTo(Map.of(
                Map.of("job", "billing-service", "status", "401"), (double) UNAUTHENTICATED,
                Map.of("job", "transfer-service", "status", "403"), (double) FORGED_LINKS));
        assertThat(read.get("\"Open transfers\" A")).as("the incomplete request waits for information")
                .isEqualTo(Map.of(Map.of(), 1.0));
        assertThat(query(panels.get("\"Approval latency (opened to each approval)\" B")))
                .as("p90 of the two approvals").singleElement().satisfies(sample -> assertThat(value(sample))
                        .isFinite().isPositive());
    }

    /** Each service registered at 0 every series the scenario counted in (platform's KnownSeries). */
    @Test
    void noBusinessSeriesWasBornAboveZero() {
        String range = (Duration.between(prometheusStarted, Instant.now()).toSeconds() + 60) + "s";
        List<String> bornAboveZero = new java.util.ArrayList<>();
        for (JsonNode counter : query("count by (__name__) ({__name__=~\"channelhub_.+_total\"})")) {
            String name = counter.get("metric").get("__name__").asText();
            labels(query("min_over_time(" + name + "[" + range + "]) > 0"))
                    .forEach(series -> bornAboveZero.add(name + series));
        }

        assertThat(bornAboveZero).as("series whose first sample was above 0").isEmpty();
    }

    @Test
    void noPanelIsEmpty() throws IOException {
        Map<String, String> panels = new TreeMap<>(panels("channelhub-business.json"));
        panels.putAll(panels("channelhub-kafka.json"));
        Set<String> empty = new TreeSet<>();
        panels.forEach((panel, expr) -> {
            if (!query(expr).iterator().hasNext()) {
                empty.add(panel);
            }
        });

        assertThat(empty).as("panels without data").isEqualTo(EMPTY_HERE.keySet());
    }

    /** Every service's consumers show a lag: Streams threads, global stores, the SMTP senders. */
    @Test
    void everyServiceShowsItsConsumersLag() throws IOException {
        Map<String, Set<String>> clients = new TreeMap<>();
        for (JsonNode sample : query(panels("channelhub-kafka.json").get("\"Consumer lag (max over partitions)\" A"))) {
            if (!Double.isNaN(value(sample))) {
                clients.computeIfAbsent(sample.get("metric").get("job").asText(), job -> new TreeSet<>())
                        .add(sample.get("metric").get("client_id").asText());
            }
        }

        assertThat(clients).as("consumers with a lag, by service").containsOnlyKeys(RunningSystem.SERVICES.keySet());
        clients.forEach((service, consumers) -> assertThat(consumers).as(service)
                .anyMatch(client -> client.endsWith("-StreamThread-1-consumer"))
                .anyMatch(client -> client.endsWith("-global-consumer") || client.contains("notification-sender")));
    }

    @Test
    void theScenariosAlertsFireAndNoOther() {
        List<String> firing = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            firing = firingAlerts();
            if (firing.size() >= 3) {
                break;
            }
            SystemUnderTest.sleep(500);
        }

        assertThat(firing).containsExactlyInAnyOrder(
                "DeadLetterRecordsGrowing{instance=localhost:" + SystemUnderTest.services().port("transfer-service")
                        + ", job=transfer-service, severity=warning, topic=transfers.commands}",
                "ForgedDecisionLinks{service=transfer-service, severity=warning, type=ApprovalToken}",
                "RequestsRefusedAtTheEdge{job=billing-service, severity=warning, status=401}");
        for (Map<String, Object> rule : MetricNamesTest.alertRules()) {
            Iterable<JsonNode> result = query(String.valueOf(rule.get("expr")));
            boolean fires = Set.of("DeadLetterRecordsGrowing", "ForgedDecisionLinks", "RequestsRefusedAtTheEdge")
                    .contains(String.valueOf(rule.get("alert")));
            assertThat(result.iterator().hasNext()).as(rule.get("alert") + " expression has a result").isEqualTo(fires);
        }
    }

    // --- the scenario ---------------------------------------------------------------------------------------------

    /** T1-T6: a change of billing account both parties approve by link; 10 forged links on the way (403, FORGED). */
    private static void aTransferCompletesWithForgedLinksOnTheWay(KafkaTestClient kafka) throws Exception {
        kafka.send(Topics.DIRECTORY_EVENTS, "isv:L-ISV", new IsvRegistered(meta(Instant.now()), "L-ISV", "Live ISV",
                ISV, true));
        for (String account : List.of("L-D1", "L-D2")) {
            kafka.send(Topics.DIRECTORY_EVENTS, "account:" + account, new BillingAccountRegistered(
                    meta(Instant.now()), account, "C-" + account, "Customer " + account, TransferJourneyTest
                            .customer(account), null, null));
        }
        kafka.send(Topics.ENTITLEMENTS_EVENTS, "L-E1", new EntitlementActivated(meta(Instant.now()), "L-E1", "O-L",
                "L-ISV", "L-D1"));
        SystemUnderTest.awaitAccountsKnown("L-D1", "L-D2");
        kafka.send(Topics.TRANSFERS_COMMANDS, "L-E1", TransferRequested.newBuilder().setMeta(meta(Instant.now()))
                .setCustomerCompanyName("Customer L-D1").setEntitlementId("L-E1").setOfferId("O-L")
                .setCurrentBillingAccountId("L-D1").setTargetBillingAccountId("L-D2").setContactName("Lia")
                .setContactEmail("lia@l-isv.example").build());
        List<MimeMessage> consent = SystemUnderTest.emailsAbout("L-E1", 2);
        assertThat(consent).hasSize(2);
        String token = TransferJourneyTest.tokens(consent.get(0)).get("APPROVE");
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        for (int i = 0; i < FORGED_LINKS; i++) {
            assertThat(TransferJourneyTest.post(forged).statusCode()).isEqualTo(403);
        }
        for (MimeMessage email : consent) {
            assertThat(TransferJourneyTest.post(TransferJourneyTest.tokens(email).get("APPROVE")).statusCode())
                    .isEqualTo(202);
        }
        kafka.await(Topics.TRANSFERS_EVENTS, TransferCompleted.class,
                c -> c.getDetails().getEntitlementId().equals("L-E1"), 1, WAIT);
    }

    /** T3, X2: a request without its offer (an info request), sent twice (a duplicate). */
    private static void anIncompleteRequestTwice(KafkaTestClient kafka) {
        TransferRequested incomplete = TransferRequested.newBuilder().setMeta(meta(Instant.now()))
                .setCustomerCompanyName("Live Ltd").setEntitlementId("L-E2").setOfferId(null)
                .setCurrentBillingAccountId("L-D1").setTargetBillingAccountId("L-D2").setContactName("Lia")
                .setContactEmail("lia@l-isv.example").build();
        kafka.send(Topics.TRANSFERS_COMMANDS, "L-E2", incomplete);
        kafka.send(Topics.TRANSFERS_COMMANDS, "L-E2", incomplete);
        kafka.await(Topics.TRANSFERS_EVENTS, TransferInfoRequested.class, r -> r.getEntitlementId().equals("L-E2"),
                1, WAIT);
    }

    private static void unauthenticatedRequests() throws Exception {
        for (int i = 0; i < UNAUTHENTICATED; i++) {
            assertThat(SystemUnderTest.services().get("billing-service", "/payers/L-R/invoices/2032-05")
                    .statusCode()).isEqualTo(401);
        }
    }

    private static void aGarbageRecord(KafkaTestClient kafka) {
        kafka.sendRaw(Topics.TRANSFERS_COMMANDS, "L-GARBAGE", "not an event".getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (kafka.readAll(Topics.dlt(Topics.TRANSFERS_COMMANDS)).isEmpty()) {
            assertThat(System.nanoTime()).as("the garbage record in the DLT").isLessThan(deadline);
            SystemUnderTest.sleep(200);
        }
    }

    /** B1, B2, B4: one annual subscription for May, invoiced on the first tick of June. */
    private static void aMonthInvoiced(KafkaTestClient kafka) {
        Instant now = Instant.now();
        Instant may = Instant.parse("2032-05-01T00:00:00Z");
        Instant june = Instant.parse("2032-06-01T00:00:30Z");
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:L-R", new ResellerRegistered(meta(now), "L-R", "Live Reseller",
                "billing@l-r.example", "IT", java.util.List.of(), null));
        kafka.send(Topics.DIRECTORY_EVENTS, "account:L-A", new BillingAccountRegistered(meta(now), "L-A", "C-L-A",
                "Customer L-A", "it@l-a.example", "L-R", null));
        kafka.send(Topics.PRICES_EVENTS, "price:L-SKU:ANNUAL", new PriceListed(meta(now), "L-SKU", "L-ISV",
                BillingPlan.ANNUAL, AvroMoney.toAvro(Money.of("120.00", "EUR")), null));
        kafka.send(Topics.PRICES_EVENTS, "margin:L-R", new ResellerMarginSet(meta(now), "L-R", new BigDecimal("20.00")));
        kafka.await(ReferenceTable.tableTopic("billing-service", Topics.PRICES_EVENTS), ResellerMarginSet.class,
                m -> m.getResellerId().equals("L-R"), 1, WAIT);
        kafka.await(ReferenceTable.tableTopic("billing-service", Topics.PRICES_EVENTS), PriceListed.class,
                p -> p.getSku().equals("L-SKU"), 1, WAIT);
        kafka.await(ReferenceTable.tableTopic("billing-service", Topics.DIRECTORY_EVENTS),
                BillingAccountRegistered.class, a -> a.getBillingAccountId().equals("L-A"), 1, WAIT);
        kafka.send(Topics.BILLING_COMMANDS, "L-R", new SubscriptionPlanChosen(meta(may), "L-S1", "L-R", "L-A",
                "L-ISV", "L-SKU", null, BillingPlan.ANNUAL, 5, null, null, null));
        kafka.await(Topics.BILLING_EVENTS, SubscriptionUpdated.class, u -> u.getSubscriptionId().equals("L-S1"), 1,
                WAIT);
        kafka.send(Topics.BILLING_COMMANDS, "L-R", new ClockTicked(meta(june), june));
        kafka.await(Topics.BILLING_EVENTS, InvoiceIssued.class, i -> i.getPayerId().equals("L-R"), 1, WAIT);
    }

    /**
     * Once the e-mails stopped coming: the outcome events each service wrote, the e-mails sent, the refusals, the
     * invoices, as the topics and the mailbox hold them.
     */
    private static Expected whatHappened(KafkaTestClient kafka) {
        int sent = awaitMailboxSettled(kafka);
        Map<Map<String, String>, Double> outcomes = new TreeMap<>(BY_LABELS);
        for (String topic : List.of(Topics.TRANSFERS_EVENTS, Topics.ENTITLEMENTS_EVENTS, Topics.DISCOUNTS_EVENTS,
                Topics.BILLING_EVENTS)) {
            for (SpecificRecord event : decoded(kafka, topic)) {
                String producer = Events.meta(event).getProducer();
                if (RunningSystem.SERVICES.containsKey(producer)) {
                    outcomes.merge(Map.of("service", producer, "type", event.getClass().getSimpleName()), 1.0,
                            Double::sum);
                }
            }
        }
        Map<Map<String, String>, Double> templates = new TreeMap<>(BY_LABELS);
        kafka.events(Topics.NOTIFICATIONS_EVENTS, EmailSent.class)
                .forEach(e -> templates.merge(Map.of("template", e.getTemplate()), 1.0, Double::sum));
        Map<Map<String, String>, Double> refusals = new TreeMap<>(BY_LABELS);
        refusals.put(Map.of("service", "transfer-service", "type", "ApprovalToken", "reason", "FORGED"),
                (double) FORGED_LINKS);
        for (TransferInfoRequested info : kafka.events(Topics.TRANSFERS_EVENTS, TransferInfoRequested.class)) {
            for (Problem problem : info.getProblems()) {
                refusals.merge(Map.of("service", "transfer-service", "type", "TransferInfoRequested", "reason",
                        problem.getCode()), 1.0, Double::sum);
            }
        }
        Map<Map<String, String>, Double> invoices = new TreeMap<>(BY_LABELS);
        Map<Map<String, String>, Double> invoiced = new TreeMap<>(BY_LABELS);
        for (InvoiceIssued invoice : kafka.events(Topics.BILLING_EVENTS, InvoiceIssued.class)) {
            invoices.merge(Map.of("currency", invoice.getCurrency()), 1.0, Double::sum);
            invoiced.merge(Map.of("currency", invoice.getCurrency()),
                    AvroMoney.fromAvro(invoice.getTotalDue()).amount().doubleValue(), Double::sum);
        }
        return new Expected(outcomes, templates, refusals, invoices, invoiced, sent);
    }

    /** Waits until every e-mail planned was sent and no new one came for 3 s; the count. */
    private static int awaitMailboxSettled(KafkaTestClient kafka) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            int sent = kafka.events(Topics.NOTIFICATIONS_EVENTS, EmailSent.class).size();
            int received = SystemUnderTest.emails(m -> true, 0).size();
            if (sent != last || received != sent) {
                last = sent;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(3).toNanos()) {
                return sent;
            }
            SystemUnderTest.sleep(250);
        }
        throw new AssertionError("e-mails still coming after " + WAIT);
    }

    // --- Prometheus -----------------------------------------------------------------------------------------------

    /** Every panel query of a dashboard with Grafana's variables as Grafana would set them for this run. */
    private static Map<String, String> panels(String dashboard) throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        MetricNamesTest.targets(JSON.readTree(MetricNamesTest.ROOT.resolve("ops/grafana/dashboards")
                .resolve(dashboard).toFile()), "", expressions);
        // the dashboard's time range: from before Prometheus's first scrape to now
        String range = (Duration.between(prometheusStarted, Instant.now()).toSeconds() + 60) + "s";
        expressions.replaceAll((panel, expr) -> expr.replace("$__range", range).replace("$__rate_interval", "15s"));
        return expressions;
    }

    private static void awaitScraped(int targets) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (labels(query("count_over_time(up[1m]) >= 3 and up == 1")).size() == targets) {
                return;
            }
            SystemUnderTest.sleep(250);
        }
        throw new AssertionError("Prometheus did not scrape the " + targets + " services: " + prometheus.tail());
    }

    /** An instant query now; fails on any error Prometheus reports. */
    static Iterable<JsonNode> query(String expr) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheus.url()
                    + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("status").asText()).as(expr + "\n" + response.body()).isEqualTo("success");
            return body.get("data").get("result");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> firingAlerts() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(prometheus.url()
                    + "/api/v1/alerts")).build(), HttpResponse.BodyHandlers.ofString());
            return Stream.of(JSON.readTree(response.body()).get("data").get("alerts"))
                    .flatMap(alerts -> java.util.stream.StreamSupport.stream(alerts.spliterator(), false))
                    .filter(alert -> alert.get("state").asText().equals("firing"))
                    .map(alert -> {
                        Map<String, String> labels = labelMap(alert.get("labels"));
                        return labels.remove("alertname") + labels;
                    }).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> labels(Iterable<JsonNode> result) {
        return java.util.stream.StreamSupport.stream(result.spliterator(), false)
                .map(sample -> labelMap(sample.get("metric")).toString()).toList();
    }

    /** Each series' labels to its value, those at 0 left out: what a panel shows above its zero line. */
    private static Map<Map<String, String>, Double> nonZero(Iterable<JsonNode> result) {
        Map<Map<String, String>, Double> values = new TreeMap<>(BY_LABELS);
        for (JsonNode sample : result) {
            double value = value(sample);
            if (value != 0) {
                values.put(labelMap(sample.get("metric")), value);
            }
        }
        return values;
    }

    private static Map<Map<String, String>, Double> without(Map<Map<String, String>, Double> values, String label) {
        Map<Map<String, String>, Double> summed = new TreeMap<>(BY_LABELS);
        values.forEach((labels, value) -> {
            Map<String, String> rest = new TreeMap<>(labels);
            rest.remove(label);
            summed.merge(rest, value, Double::sum);
        });
        return summed;
    }

    private static final java.util.Comparator<Map<String, String>> BY_LABELS =
            java.util.Comparator.comparing(labels -> new TreeMap<>(labels).toString());

    private static Map<String, String> labelMap(JsonNode metric) {
        Map<String, String> labels = new TreeMap<>();
        metric.properties().forEach(field -> labels.put(field.getKey(), field.getValue().asText()));
        return labels;
    }

    private static double value(JsonNode sample) {
        return Double.parseDouble(sample.get("value").get(1).asText());
    }

    private static List<SpecificRecord> decoded(KafkaTestClient kafka, String topic) {
        EventSerde serde = new EventSerde();
        return kafka.readAll(topic).stream().map(r -> serde.decode(r.value())).toList();
    }

    private static EventMeta meta(Instant at) {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setProducer("system-test").build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
