package io.channelhub.discount.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.discount.DiscountServiceApplication;
import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountAcceptanceSubmitted;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.stream.DiscountGauges;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.security.Party;
import io.channelhub.platform.security.PartyKind;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.platform.testing.MoneyInJson;
import io.channelhub.platform.testing.TestTokens;
import io.channelhub.schemas.Keys;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * discount-service's HTTP endpoints on the embedded broker: the reseller's signed acceptance link (D3) and the
 * two lists, the ISV's with its private notes and the reseller's without (D7).
 */
@SpringBootTest(classes = DiscountServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class DiscountEndpointsTest {

    static final String KEY = "discount-service test key, 32+ characters";
    static final ApprovalTokens TOKENS = new ApprovalTokens(KEY, ApprovalTokens.DISCOUNTS);
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String ISV = "ISV-" + RUN;
    static final String RESELLER = "R-" + RUN;
    static final String ACCOUNT = "A-" + RUN;
    static final String BOOK = Keys.discounts(ISV, RESELLER);
    static final Instant START = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static KafkaTestClient kafka;
    static String discountId;

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void directoryAndADiscount() {
        kafka = KafkaTestClient.embedded().createTopics();
        kafka.send(Topics.DIRECTORY_EVENTS, "isv:" + ISV, new IsvRegistered(meta(), ISV, "Vendor", "isv@example.com",
                true));
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:" + RESELLER, new ResellerRegistered(meta(), RESELLER,
                "Reseller", "r@example.com", "IT", java.util.List.of(), null));
        kafka.send(Topics.DIRECTORY_EVENTS, "account:" + ACCOUNT, new BillingAccountRegistered(meta(), ACCOUNT, "C",
                "Acme", "acme@example.com", RESELLER, null));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    // D3, D7: the whole acceptance link, then both lists
    @Test
    void theResellerAcceptsByLinkAndEachPartySeesItsOwnView() throws Exception {
        awaitDirectory();
        kafka.send(Topics.DISCOUNTS_COMMANDS, BOOK, DiscountConfigurationRequested.newBuilder().setMeta(meta())
                .setIsvId(ISV).setResellerId(RESELLER).setBillingAccountId(ACCOUNT)
                .setPercent(new BigDecimal("10.00")).setStartsAt(START).setPrivateNotes("secret margin plan")
                .build());
        discountId = kafka.await(Topics.DISCOUNTS_EVENTS, DiscountProposed.class,
                p -> p.getTerms().getIsvId().equals(ISV), 1, WAIT).get(0).getTerms().getDiscountId();
        String token = token(discountId, RESELLER, START);

        HttpResponse<String> page = page("/acceptances/" + token);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(discountId, "<form method=\"post\"");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(kafka.events(Topics.DISCOUNTS_COMMANDS, DiscountAcceptanceSubmitted.class).stream()
                .filter(a -> a.getDiscountId().equals(discountId))).as("a GET decides nothing").isEmpty();

        HttpResponse<String> accepted = post("/acceptances/" + token);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(JSON.readTree(accepted.body()).get("discountId").asString()).isEqualTo(discountId);
        kafka.await(Topics.DISCOUNTS_EVENTS, DiscountAccepted.class,
                a -> a.getTerms().getDiscountId().equals(discountId), 1, WAIT);
        // the same link again: the state now says it is accepted
        await().atMost(WAIT).untilAsserted(() -> assertProblem(post("/acceptances/" + token), 409,
                "ALREADY_ACCEPTED"));
        // issue 18: and opened again in a browser, a page saying so with the same status, without the button
        HttpResponse<String> used = page("/acceptances/" + token);
        assertThat(used.statusCode()).isEqualTo(409);
        assertThat(used.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(used.body()).contains("already accepted").doesNotContain("<form");
        assertThat(kafka.events(Topics.DISCOUNTS_EVENTS, DiscountAccepted.class).stream()
                .filter(a -> a.getTerms().getDiscountId().equals(discountId))).hasSize(1);

        JsonNode isvList = JSON.readTree(get("/isvs/" + ISV + "/discounts", isv()).body());
        assertThat(isvList).hasSize(1);
        assertThat(isvList.get(0).get("privateNotes").asString()).isEqualTo("secret margin plan");
        assertThat(isvList.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        HttpResponse<String> resellerList = get("/resellers/" + RESELLER + "/discounts", reseller());
        assertThat(resellerList.statusCode()).isEqualTo(200);
        assertThat(resellerList.body()).contains(discountId, "\"percent\":10.00", "\"status\":\"ACCEPTED\"")
                .doesNotContain("secret", "privateNotes");
        // issue 23 (D-100): a percentage is a number, and no view here writes money another way
        MoneyInJson.assertOneWay("the ISV's discounts", isvList);
        MoneyInJson.assertOneWay("the reseller's discounts", JSON.readTree(resellerList.body()));
        assertThat(JSON.readTree(get("/resellers/R-NOBODY-" + RUN + "/discounts",
                TestTokens.bearer(PartyKind.RESELLER, "R-NOBODY-" + RUN)).body())).isEmpty();
        // X3: discounts by state
        await().atMost(WAIT).untilAsserted(() -> assertThat(registry.get(DiscountGauges.DISCOUNTS)
                .tag("state", "ACCEPTED").gauge().value()).isGreaterThanOrEqualTo(1.0));
    }

    // D3: forged, altered, expired and other-purpose links are refused and counted; nothing is published
    @Test
    void linksThatAreNotGenuineAndCurrentAreRefused() throws Exception {
        String forged = new ApprovalTokens("somebody else's key, also 32+ characters", ApprovalTokens.DISCOUNTS)
                .sign(claim("D-" + RUN, RESELLER, START));
        assertProblem(post("/acceptances/" + forged), 403, "FORGED");
        String transferToken = new ApprovalTokens(KEY, ApprovalTokens.TRANSFERS).sign(claim("D-" + RUN, RESELLER,
                START));
        assertProblem(post("/acceptances/" + transferToken), 403, "FORGED");
        assertProblem(post("/acceptances/" + token("D-" + RUN, RESELLER, Instant.now().minusSeconds(5))), 410,
                "EXPIRED");
        assertProblem(get("/acceptances/not-a-token", null), 400, "MALFORMED");
        HttpResponse<String> malformed = page("/acceptances/not-a-token");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).startsWith("<!DOCTYPE html>").contains("copy the whole link");
        HttpResponse<String> expired = page("/acceptances/" + token("D-" + RUN, RESELLER,
                Instant.now().minusSeconds(5)));
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired");
        // a genuine link for a discount the service does not know (once Streams runs: 503 NOT_QUERYABLE before)
        await().atMost(WAIT).untilAsserted(() -> assertProblem(post("/acceptances/" + token("D-UNKNOWN-" + RUN,
                RESELLER, START)), 404, "UNKNOWN_DISCOUNT"));
        assertThat(registry.get(MetricNames.REFUSALS).tag("type", "AcceptanceToken").tag("reason", "FORGED")
                .counter().count()).isGreaterThanOrEqualTo(2.0);
        assertThat(kafka.events(Topics.DISCOUNTS_COMMANDS, DiscountAcceptanceSubmitted.class).stream()
                .filter(a -> a.getDiscountId().startsWith("D-"))).isEmpty();
    }

    // issue 10: each list is its own party's; operators see all; no token, a foreign or an expired one is refused
    @Test
    void eachListIsItsPartysOwn() throws Exception {
        String isvList = "/isvs/" + ISV + "/discounts";
        String resellerList = "/resellers/" + RESELLER + "/discounts";
        for (String path : new String[] {isvList, resellerList}) {
            assertProblem(get(path, null), 401, "UNAUTHENTICATED");
            assertThat(get(path, null).headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
            assertProblem(get(path, "Bearer " + TestTokens.expired(PartyKind.OPERATOR, "ops")), 401,
                    "INVALID_TOKEN");
            assertProblem(get(path, "Bearer " + TestTokens.foreign(PartyKind.OPERATOR, "ops")), 401,
                    "INVALID_TOKEN");
            assertProblem(get(path, "Bearer not-a-jwt"), 401, "INVALID_TOKEN");
            assertProblem(get(path, TestTokens.bearer(PartyKind.CUSTOMER, "C")), 403, "FORBIDDEN");
            await().atMost(WAIT).untilAsserted(() -> assertThat(get(path, TestTokens.bearer(PartyKind.OPERATOR,
                    "ops")).statusCode()).isEqualTo(200));
        }
        assertProblem(get(isvList, TestTokens.bearer(PartyKind.ISV, "ISV-OTHER")), 403, "FORBIDDEN");
        assertProblem(get(isvList, reseller()), 403, "FORBIDDEN");
        assertProblem(get(resellerList, TestTokens.bearer(PartyKind.RESELLER, "R-OTHER")), 403, "FORBIDDEN");
        assertProblem(get(resellerList, isv()), 403, "FORBIDDEN");
        // a reseller id in an ISV's token is not that reseller
        assertProblem(get(resellerList, TestTokens.bearer(PartyKind.ISV, RESELLER)), 403, "FORBIDDEN");
    }

    // issue 18: kind and id together name a party. Each list, as every kind of caller bearing its owner's id: only
    // the owner's own kind (and operators) read it
    @Test
    void everyEndpointAsEveryKindWithItsOwnersId() throws Exception {
        Map<String, Party> owners = Map.of("/isvs/" + ISV + "/discounts", Party.isv(ISV),
                "/resellers/" + RESELLER + "/discounts", Party.reseller(RESELLER));
        for (Map.Entry<String, Party> endpoint : owners.entrySet()) {
            Party owner = endpoint.getValue();
            // until the service has started its Streams, the lists are a 503
            await().atMost(WAIT).untilAsserted(() -> assertThat(get(endpoint.getKey(),
                    TestTokens.bearer(PartyKind.OPERATOR, "ops")).statusCode()).isEqualTo(200));
            for (PartyKind kind : PartyKind.values()) {
                HttpResponse<String> response = get(endpoint.getKey(), TestTokens.bearer(kind, owner.id()));
                if (kind == owner.kind() || kind == PartyKind.OPERATOR) {
                    assertThat(response.statusCode()).as(kind + " " + endpoint.getKey()).isEqualTo(200);
                } else {
                    assertProblem(response, 403, "FORBIDDEN");
                }
            }
        }
    }

    // issue 10: bad input at the edge is a 4xx problem, before anything is looked up
    @Test
    void badInputAtTheEdgeIsRefused(CapturedOutput output) throws Exception {
        assertProblem(get("/isvs/" + ISV + "%7C" + RESELLER + "/discounts", isv()), 400, "MALFORMED_ID");
        assertProblem(get("/isvs/" + ISV + "/discounts", TestTokens.bearer(PartyKind.ISV, "ISV-OTHER")), 403,
                "FORBIDDEN");
        // one line per refusal, with the route and never the values in it
        assertThat(output.getOut()).contains("400 MALFORMED_ID GET /isvs/{isvId}/discounts",
                "403 FORBIDDEN GET /isvs/{isvId}/discounts");
        assertThat(output.getOut().lines().filter(line -> line.contains("io.channelhub.edge")))
                .allSatisfy(line -> assertThat(line).doesNotContain(ISV, RESELLER, "Bearer"));
        assertProblem(get("/isvs/" + ISV + "/discounts?status=ACCEPTED", isv()), 400, "UNKNOWN_PARAMETER");
        HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/acceptances/" + token("D-" + RUN, RESELLER, START)))
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(64 * 1024))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(tooLarge, 413, "BODY_TOO_LARGE");
        // actuator: probes and scraping open, nothing else exposed
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", TestTokens.bearer(PartyKind.OPERATOR, "ops")).statusCode())
                .isEqualTo(404);
        assertThat(kafka.events(Topics.DISCOUNTS_COMMANDS, DiscountAcceptanceSubmitted.class).stream()
                .filter(a -> a.getDiscountId().equals("D-" + RUN))).isEmpty();
    }

    private static String isv() {
        return TestTokens.bearer(PartyKind.ISV, ISV);
    }

    private static String reseller() {
        return TestTokens.bearer(PartyKind.RESELLER, RESELLER);
    }

    private void awaitDirectory() {
        EventSerde serde = new EventSerde();
        await().atMost(WAIT).until(() -> kafka.readAll(ReferenceTable.tableTopic("discount-service",
                Topics.DIRECTORY_EVENTS)).stream().anyMatch(r -> serde.decode(r.value())
                instanceof BillingAccountRegistered a && a.getBillingAccountId().equals(ACCOUNT)));
    }

    private static String token(String discount, String reseller, Instant expires) {
        return TOKENS.sign(claim(discount, reseller, expires));
    }

    private static ApprovalTokens.Claim claim(String discount, String reseller, Instant expires) {
        return new ApprovalTokens.Claim(discount, BOOK, "RESELLER", reseller, "ACCEPT", expires);
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo(code);
        MoneyInJson.assertOneWay(code, JSON.readTree(response.body()));
    }

    private HttpResponse<String> page(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A JSON GET with this Authorization header (none when null). */
    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static EventMeta meta() {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setProducer("test").build();
    }
}
