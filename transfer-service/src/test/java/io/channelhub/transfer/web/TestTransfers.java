package io.channelhub.transfer.web;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.security.PartyKind;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.platform.testing.MoneyInJson;
import io.channelhub.platform.testing.TestTokens;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.event.TransferDetailsSupplied;
import io.channelhub.transfer.event.TransferRequested;
import io.channelhub.transfer.stream.TransferTopology;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test data and HTTP calls for the web layer's tests, on the embedded broker. Every id carries a per-instance
 * suffix: other test classes of this JVM share the broker and the Streams application id.
 */
final class TestTransfers implements AutoCloseable {

    /** The key in src/test/resources/application.properties: tokens signed with it are genuine. */
    static final ApprovalTokens TOKENS = new ApprovalTokens("transfer-service test key, 32+ characters",
            ApprovalTokens.TRANSFERS);
    /** The service's fixed "now" ({@link FixedClock}); requests happen a minute before. */
    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    static final Instant REQUESTED_AT = NOW.minus(Duration.ofMinutes(1));
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Imported (not scanned: it carries no stereotype) so that contexts started by other tests don't pick it up.
     * Primary over the service's system clock.
     */
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    final KafkaTestClient kafka = KafkaTestClient.embedded().createTopics();
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String isv = id("ISV");
    final String oldReseller = id("R-OLD");
    final String newReseller = id("R-NEW");
    final String fromAccount = id("BA-FROM");
    final String toAccount = id("BA-TO");
    final String customer = id("C");
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    TestTransfers(int port) {
        this.port = port;
    }

    String id(String name) {
        return name + "-" + run;
    }

    static EventMeta meta(Instant at) {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at).setProducer("test")
                .build();
    }

    /** An ISV, two resellers, and a customer account under each: a move between them is CHANGE_RESELLER. */
    TestTransfers withDirectory() {
        kafka.send(Topics.DIRECTORY_EVENTS, "isv:" + isv, new IsvRegistered(meta(REQUESTED_AT), isv, "Vendor " + run,
                "partners@vendor.example", true));
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:" + oldReseller, new ResellerRegistered(meta(REQUESTED_AT),
                oldReseller, "Rivenditore Uno", "sales@uno.example", "IT", java.util.List.of(), null));
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:" + newReseller, new ResellerRegistered(meta(REQUESTED_AT),
                newReseller, "Revenda Dois", "sales@dois.example", "PT", java.util.List.of(), null));
        kafka.send(Topics.DIRECTORY_EVENTS, "account:" + fromAccount, new BillingAccountRegistered(
                meta(REQUESTED_AT), fromAccount, customer, "PT Maju", "it@maju.example", oldReseller, null));
        kafka.send(Topics.DIRECTORY_EVENTS, "account:" + toAccount, new BillingAccountRegistered(
                meta(REQUESTED_AT), toAccount, customer, "PT Maju", "it@maju.example", newReseller, null));
        // the directory reaches the topology through the service's copy topic (D-2): wait until it is there
        kafka.await(ReferenceTable.tableTopic(TransferTopology.SERVICE, Topics.DIRECTORY_EVENTS),
                BillingAccountRegistered.class, a -> a.getBillingAccountId().equals(toAccount), 1, PATIENCE);
        return this;
    }

    TransferRequested request(String entitlementId) {
        return TransferRequested.newBuilder().setMeta(meta(REQUESTED_AT)).setCustomerCompanyName("PT Maju")
                .setEntitlementId(entitlementId).setOfferId("O-1").setCurrentBillingAccountId(fromAccount)
                .setTargetBillingAccountId(toAccount).setContactName("Budi").setContactEmail("budi@maju.example")
                .build();
    }

    /** Activates the entitlement and files a complete request for it; returns the transfer once it awaits consent. */
    TransferView open(String entitlementId) {
        activate(entitlementId);
        kafka.send(Topics.TRANSFERS_COMMANDS, entitlementId, request(entitlementId));
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long nextFollowUp = 0;
        while (System.nanoTime() < deadline) {
            Optional<TransferView> view = view(entitlementId);
            if (view.isPresent() && view.get().status().equals("AWAITING_CONSENT")) {
                return view.get();
            }
            if (view.isPresent() && view.get().status().equals("INFO_REQUESTED") && System.nanoTime() > nextFollowUp) {
                // facts travel on other topics than the request and may reach the topology after it; a T3
                // follow-up has the (complete) request checked again
                kafka.send(Topics.TRANSFERS_COMMANDS, entitlementId, TransferDetailsSupplied.newBuilder()
                        .setMeta(meta(REQUESTED_AT)).setTransferId(view.get().transferId())
                        .setEntitlementId(entitlementId).build());
                nextFollowUp = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            }
            pause();
        }
        throw new AssertionError("The transfer of " + entitlementId + " did not open within " + PATIENCE);
    }

    void activate(String entitlementId) {
        kafka.send(Topics.ENTITLEMENTS_EVENTS, entitlementId, new EntitlementActivated(meta(REQUESTED_AT),
                entitlementId, "O-1", isv, fromAccount));
    }

    /** Polls the query endpoint until the entitlement's transfer matches. */
    TransferView await(String entitlementId, Predicate<TransferView> condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<TransferView> view = view(entitlementId);
            if (view.isPresent() && condition.test(view.get())) {
                return view.get();
            }
            pause();
        }
        throw new AssertionError("The transfer of " + entitlementId + " never matched; last: " + view(entitlementId));
    }

    /** The entitlement's transfer; empty while unknown or not queryable yet. */
    Optional<TransferView> view(String entitlementId) {
        HttpResponse<String> response = get("/transfers?entitlementId=" + entitlementId);
        return response.statusCode() == 200 ? Optional.of(JSON.readValue(response.body(), TransferView.class))
                : Optional.empty();
    }

    /** A genuine link for one of the transfer's parties. */
    static String token(TransferView view, String role, String decision, Instant expiresAt) {
        String partyId = view.parties().stream().filter(p -> p.role().equals(role)).findFirst().orElseThrow()
                .partyId();
        return TOKENS.sign(new ApprovalTokens.Claim(view.transferId(), view.entitlementId(), role, partyId, decision,
                expiresAt));
    }

    static String token(TransferView view, String role, String decision) {
        return token(view, role, decision, NOW.plus(Duration.ofDays(14)));
    }

    /** A GET as the transfer's ISV, which may see all of its transfers. */
    HttpResponse<String> get(String path) {
        return get(path, TestTokens.bearer(PartyKind.ISV, isv));
    }

    /** A GET with this Authorization header (none when null). */
    HttpResponse<String> get(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    /** A GET of a client that asks for JSON, without a token (decision links carry their own). */
    HttpResponse<String> getJson(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json").GET());
    }

    HttpResponse<String> postJson(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** What a browser sends when the confirmation page's button is pressed. */
    HttpResponse<String> submitForm(String path) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** The body as JSON; and, as every view and problem of every service (issue 23, D-100), money written one way. */
    static JsonNode json(HttpResponse<String> response) {
        JsonNode json = JSON.readTree(response.body());
        MoneyInJson.assertOneWay(response.uri().getPath(), json);
        return json;
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException("HTTP call failed", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        kafka.close();
    }
}
