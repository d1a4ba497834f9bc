package io.channelhub.transfer.web;

import static io.channelhub.transfer.web.TestTransfers.NOW;
import static io.channelhub.transfer.web.TestTransfers.json;
import static io.channelhub.transfer.web.TestTransfers.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * T5 through the approval links, on the embedded broker and the service's own topology: a link decides only
 * when posted, once, and only while it is genuine, current and the transfer open; refusals are counted.
 */
class ApprovalLinkEndpointTest extends EndpointTest {

    private static final EventSerde SERDE = new EventSerde();
    // T5, D-16: GET only shows; mail scanners prefetch links
    @Test
    void getShowsTheDecisionWithAFormAndRecordsNothing() {
        TransferView view = transfers.open(transfers.id("E-GET"));
        String customerApproves = token(view, "CUSTOMER", "APPROVE");

        HttpResponse<String> page = transfers.get("/approvals/" + customerApproves);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.body()).contains(view.transferId(), view.entitlementId(), "customer", "APPROVE",
                "<form method=\"post\" action=\"" + customerApproves + "\">");
        // another party's POST goes through the same partition after the GET: once it shows, the GET had its turn
        assertThat(transfers.postJson("/approvals/" + token(view, "ISV", "APPROVE")).statusCode()).isEqualTo(202);
        TransferView after = transfers.await(view.entitlementId(), v -> v.approved().contains("ISV"));
        assertThat(after.pending()).contains("CUSTOMER");
        assertThat(consentsFor(view.transferId())).extracting(c -> c.getRole().name()).containsExactly("ISV");
    }

    // T5, T6: every party approves by its own link; the command carries the link's derived id and the clock's time
    @Test
    void everyPartyApprovingByLinkCompletesTheTransfer() throws Exception {
        TransferView view = transfers.open(transfers.id("E-ALL"));
        List<String> roles = view.parties().stream().map(TransferView.PartyView::role).toList();
        assertThat(roles).containsExactly("CUSTOMER", "ISV", "CURRENT_RESELLER", "TARGET_RESELLER");

        for (String role : roles) {
            HttpResponse<String> submitted = transfers.postJson("/approvals/" + token(view, role, "APPROVE"));
            assertThat(submitted.statusCode()).as(role).isEqualTo(202);
            JsonNode body = json(submitted);
            assertThat(body.get("transferId").asString()).isEqualTo(view.transferId());
            assertThat(body.get("entitlementId").asString()).isEqualTo(view.entitlementId());
            assertThat(body.get("role").asString()).isEqualTo(role);
            assertThat(body.get("decision").asString()).isEqualTo("APPROVE");
            assertThat(body.get("status").asString()).isEqualTo("submitted");
        }

        TransferView completed = transfers.await(view.entitlementId(), v -> v.status().equals("COMPLETED"));
        assertThat(completed.approved()).containsExactlyElementsOf(roles);
        assertThat(completed.pending()).isEmpty();
        assertThat(completed.waitingFor()).isNull();
        assertThat(completed.closedAt()).isEqualTo(NOW);
        assertThat(completed.parties()).allSatisfy(p -> {
            assertThat(p.decision()).isEqualTo("APPROVE");
            assertThat(p.decidedAt()).isEqualTo(NOW);
        });
        assertThat(consentRecordsFor(view.transferId())).hasSize(4)
                .allSatisfy(r -> assertThat(r.key()).isEqualTo(view.entitlementId()));
        for (TransferConsentSubmitted consent : consentsFor(view.transferId())) {
            String token = token(view, consent.getRole().name(), "APPROVE");
            assertThat(consent.getMeta().getEventId()).isEqualTo(EventIds.derive(sha256(token),
                    "TransferConsentSubmitted", 0));
            assertThat(consent.getMeta().getCausationId()).isNull();
            assertThat(consent.getMeta().getOccurredAt()).isEqualTo(NOW);
            assertThat(consent.getMeta().getProducer()).isEqualTo("transfer-service");
            assertThat(consent.getChannel()).isEqualTo("link");
            assertThat(consent.getEntitlementId()).isEqualTo(view.entitlementId());
        }
    }

    // T5, X2: a link used again, or the same party's other link, changes nothing
    @Test
    void aReusedLinkIsAnswered409AndChangesNothing() {
        TransferView view = transfers.open(transfers.id("E-REUSE"));
        String isvApproves = token(view, "ISV", "APPROVE");
        assertThat(transfers.postJson("/approvals/" + isvApproves).statusCode()).isEqualTo(202);
        transfers.await(view.entitlementId(), v -> v.approved().contains("ISV"));

        HttpResponse<String> reused = transfers.postJson("/approvals/" + isvApproves);
        HttpResponse<String> changedMind = transfers.postJson("/approvals/" + token(view, "ISV", "REJECT"));

        assertProblem(reused, 409, "ALREADY_DECIDED");
        assertThat(json(reused).get("detail").asString()).contains("already recorded");
        assertProblem(changedMind, 409, "ALREADY_DECIDED");
        // issue 18: the used link opened again shows a page saying so, with docs/security.md's 409, and no button
        HttpResponse<String> page = transfers.get("/approvals/" + isvApproves);
        assertPage(page, 409, "already recorded");
        assertThat(page.body()).doesNotContain("<form");
        assertProblem(transfers.getJson("/approvals/" + isvApproves), 409, "ALREADY_DECIDED");
        assertThat(consentsFor(view.transferId())).singleElement()
                .satisfies(c -> assertThat(c.getDecision().name()).isEqualTo("APPROVE"));
        assertThat(transfers.view(view.entitlementId()).orElseThrow().status()).isEqualTo("AWAITING_CONSENT");
    }

    // T5: forged, altered, expired and malformed links are refused, counted, and publish nothing
    @Test
    void linksThatAreNotGenuineOrCurrentAreRefusedCountedAndPublishNothing() {
        TransferView view = transfers.open(transfers.id("E-BAD"));
        int commandsBefore = transfers.kafka.readAll(Topics.TRANSFERS_COMMANDS).size();
        double forgedBefore = refusals("FORGED");
        double expiredBefore = refusals("EXPIRED");
        double malformedBefore = refusals("MALFORMED");
        String otherKey = new ApprovalTokens("somebody else's key, also 32+ characters",
                ApprovalTokens.TRANSFERS).sign(new ApprovalTokens.Claim(
                view.transferId(), view.entitlementId(), "ISV", view.parties().get(1).partyId(), "APPROVE",
                NOW.plus(Duration.ofDays(1))));
        String altered = alterDecision(token(view, "CUSTOMER", "REJECT"), "APPROVE");
        String expired = token(view, "ISV", "APPROVE", NOW.minusSeconds(1));

        assertProblem(transfers.postJson("/approvals/" + otherKey), 403, "FORGED");
        assertProblem(transfers.postJson("/approvals/" + altered), 403, "FORGED");
        assertProblem(transfers.postJson("/approvals/" + expired), 410, "EXPIRED");
        assertProblem(transfers.getJson("/approvals/" + expired), 410, "EXPIRED");
        // issue 18: opened in a browser (or with no Accept at all), a refused link is a page with the same status
        assertPage(transfers.get("/approvals/" + expired), 410, "This link has expired");
        assertPage(transfers.get("/approvals/" + altered), 403, "has been altered");
        assertPage(transfers.submitForm("/approvals/" + altered), 403, "has been altered");
        assertProblem(transfers.postJson("/approvals/not-a-token"), 400, "MALFORMED");

        assertThat(refusals("FORGED")).isEqualTo(forgedBefore + 4);
        assertThat(refusals("EXPIRED")).isEqualTo(expiredBefore + 3);
        assertThat(refusals("MALFORMED")).isEqualTo(malformedBefore + 1);
        // a refused link returns before anything is sent, and every accepted one is acknowledged before 202
        assertThat(transfers.kafka.readAll(Topics.TRANSFERS_COMMANDS)).hasSize(commandsBefore);
        assertThat(transfers.view(view.entitlementId()).orElseThrow().approved()).isEmpty();
    }

    // T5: a genuine link for a transfer this service does not have
    @Test
    void aLinkForAnUnknownTransferIs404() {
        String unknown = TestTransfers.TOKENS.sign(new ApprovalTokens.Claim("T-" + transfers.run, transfers.id("E-NONE"),
                "ISV", transfers.isv, "APPROVE", NOW.plus(Duration.ofDays(1))));

        HttpResponse<String> response = transfers.postJson("/approvals/" + unknown);

        assertProblem(response, 404, "UNKNOWN_TRANSFER");
        assertThat(consentsFor("T-" + transfers.run)).isEmpty();
    }

    // T5: one rejection (here from the confirmation page's form) ends it; later links find it closed
    @Test
    void afterARejectionByTheFormOtherLinksFindTheTransferClosed() {
        TransferView view = transfers.open(transfers.id("E-REJ"));

        HttpResponse<String> thanks = transfers.submitForm("/approvals/" + token(view, "CUSTOMER", "REJECT"));

        assertThat(thanks.statusCode()).isEqualTo(202);
        assertThat(thanks.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(thanks.body()).contains("Thank you", "REJECT", view.transferId());
        TransferView rejected = transfers.await(view.entitlementId(), v -> v.status().equals("REJECTED"));
        assertThat(rejected.waitingFor()).isNull();
        HttpResponse<String> late = transfers.postJson("/approvals/" + token(view, "ISV", "APPROVE"));
        assertProblem(late, 409, "TRANSFER_CLOSED");
        assertThat(json(late).get("detail").asString()).contains("REJECTED");
    }

    /** A page a person can read, saying why, with the refusal's status; never a problem's JSON. */
    static void assertPage(HttpResponse<String> response, int status, String saying) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).startsWith("<!DOCTYPE html>").contains(saying).doesNotContain("\"code\"");
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private List<TransferConsentSubmitted> consentsFor(String transferId) {
        return transfers.kafka.events(Topics.TRANSFERS_COMMANDS, TransferConsentSubmitted.class).stream()
                .filter(c -> c.getTransferId().equals(transferId)).toList();
    }

    private List<ConsumerRecord<String, byte[]>> consentRecordsFor(String transferId) {
        return transfers.kafka.readAll(Topics.TRANSFERS_COMMANDS).stream()
                .filter(r -> SERDE.decode(r.value()) instanceof TransferConsentSubmitted c
                        && c.getTransferId().equals(transferId))
                .toList();
    }

    private double refusals(String reason) {
        Matcher counter = Pattern.compile("channelhub_refusals_total\\{[^}]*reason=\"" + reason
                + "\"[^}]*type=\"ApprovalToken\"[^}]*} (\\S+)")
                .matcher(transfers.get("/actuator/prometheus").body());
        return counter.find() ? Double.parseDouble(counter.group(1)) : 0;
    }

    /** The same token with its decision field replaced and the signature kept: what a tamperer would try. */
    private static String alterDecision(String token, String decision) {
        String[] fields = token.split("\\.");
        fields[4] = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(decision.getBytes(StandardCharsets.UTF_8));
        return String.join(".", fields);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
