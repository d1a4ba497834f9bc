package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.platform.security.PartyKind;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.event.TransferConsentRecorded;
import io.channelhub.transfer.event.TransferOpened;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10 over the running system: decision links that are forged, expired or used again change nothing; and
 * every query endpoint of every service answers 401 without a token, 403 or 404 to another party, 200 to its own.
 * Runs after the journeys, on the data they left, and before the operators' replay, whose late ticks move every
 * partition's dedupe window past today.
 */
@ExtendWith(SystemUnderTest.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(7)
class SecurityJourneyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    // T5, issue 10: a forged, an expired and a reused approval link publish nothing, decide nothing, send nothing
    @Order(1)
    @Test
    void forgedExpiredOrReusedApprovalLinksChangeNothing() throws Exception {
        KafkaTestClient kafka = SystemUnderTest.kafka();
        String entitlement = "J-E-SEC";
        kafka.send(Topics.ENTITLEMENTS_EVENTS, entitlement, new EntitlementActivated(TransferJourneyTest.meta(),
                entitlement, "O-J", "J-ISV", "J-D1"));
        KafkaTestClient.sleep(2000); // the fact travels on another topic than the request
        TransferJourneyTest.request(entitlement, "J-D1", "J-D2");
        MimeMessage toCustomer = TransferJourneyTest.consentRequests(entitlement, 2).stream()
                .filter(m -> SystemUnderTest.recipient(m).equals(TransferJourneyTest.customer("J-D1")))
                .findFirst().orElseThrow();
        Map<String, String> links = TransferJourneyTest.tokens(toCustomer);
        assertThat(TransferJourneyTest.post(links.get("APPROVE")).statusCode()).isEqualTo(202);
        kafka.await(Topics.TRANSFERS_EVENTS, TransferConsentRecorded.class,
                r -> r.getEntitlementId().equals(entitlement), 1, WAIT);
        String transferId = kafka.events(Topics.TRANSFERS_EVENTS, TransferOpened.class).stream()
                .filter(o -> o.getDetails().getEntitlementId().equals(entitlement)).findFirst().orElseThrow()
                .getDetails().getTransferId();
        // the same link again, once the state has the decision: refused
        await().atMost(WAIT).untilAsserted(() -> assertThat(TransferJourneyTest.post(links.get("APPROVE"))
                .statusCode()).isEqualTo(409));
        int commands = records(Topics.TRANSFERS_COMMANDS, entitlement);
        int events = records(Topics.TRANSFERS_EVENTS, entitlement);
        int emails = SystemUnderTest.emails(m -> SystemUnderTest.text(m).contains(entitlement), 0).size();

        String approve = links.get("APPROVE");
        String forged = approve.substring(0, approve.length() - 2) + (approve.endsWith("AA") ? "BB" : "AA");
        String expired = new ApprovalTokens(SystemUnderTest.APPROVAL_KEY, ApprovalTokens.TRANSFERS).sign(
                new ApprovalTokens.Claim(transferId, entitlement, "CUSTOMER", "C-J-D1", "REJECT",
                        Instant.now().minusSeconds(60)));
        assertThat(TransferJourneyTest.post(forged).statusCode()).as("forged").isEqualTo(403);
        assertThat(TransferJourneyTest.post(expired).statusCode()).as("expired").isEqualTo(410);
        assertThat(TransferJourneyTest.post(approve).statusCode()).as("reused").isEqualTo(409);
        assertThat(TransferJourneyTest.post(links.get("REJECT")).statusCode()).as("the other answer, after one")
                .isEqualTo(409);

        KafkaTestClient.sleep(2000);
        assertThat(records(Topics.TRANSFERS_COMMANDS, entitlement)).as("commands published").isEqualTo(commands);
        assertThat(records(Topics.TRANSFERS_EVENTS, entitlement)).as("outcomes").isEqualTo(events);
        assertThat(SystemUnderTest.emails(m -> SystemUnderTest.text(m).contains(entitlement), 0)).hasSize(emails);
    }

    // issue 10: for each endpoint, no token -> 401, another party -> 403 (404 where existence must not leak),
    // its own party and operators -> 200
    @Order(2)
    @Test
    void everyEndpointAnswersOnlyItsOwnParty() throws Exception {
        String transferId = SystemUnderTest.kafka().events(Topics.TRANSFERS_EVENTS, TransferOpened.class).stream()
                .filter(o -> o.getDetails().getEntitlementId().equals("J-E-SEC")).findFirst().orElseThrow()
                .getDetails().getTransferId();
        String invoiceId = SystemUnderTest.kafka().events(Topics.BILLING_EVENTS, InvoiceIssued.class).stream()
                .filter(i -> i.getPayerId().equals("BJ-R") && i.getMonth().equals("2030-03")).findFirst()
                .orElseThrow().getInvoiceId();
        List<Access> endpoints = List.of(
                new Access("transfer-service", "/transfers?entitlementId=J-E-SEC", PartyKind.CUSTOMER, "C-J-D1",
                        PartyKind.CUSTOMER, "C-J-D2", 404),
                new Access("transfer-service", "/transfers/" + transferId, PartyKind.CUSTOMER, "C-J-D1",
                        PartyKind.ISV, "DJ-ISV", 404),
                new Access("discount-service", "/isvs/DJ-ISV/discounts", PartyKind.ISV, "DJ-ISV",
                        PartyKind.ISV, "BJ-ISV1", 403),
                new Access("discount-service", "/resellers/DJ-R/discounts", PartyKind.RESELLER, "DJ-R",
                        PartyKind.RESELLER, "BJ-R", 403),
                new Access("billing-service", "/payers/BJ-R/invoices/2030-03", PartyKind.RESELLER, "BJ-R",
                        PartyKind.RESELLER, "DJ-R", 403),
                new Access("billing-service", "/payers/BJ-R/invoices/2030-03/pdf", PartyKind.RESELLER, "BJ-R",
                        PartyKind.ISV, "BJ-ISV1", 403),
                new Access("billing-service", "/invoices/" + invoiceId, PartyKind.RESELLER, "BJ-R",
                        PartyKind.RESELLER, "MJ-R", 404),
                new Access("billing-service", "/payers/MJ-R/migration/credit-statement.csv", PartyKind.RESELLER,
                        "MJ-R", PartyKind.RESELLER, "BJ-R", 403),
                new Access("billing-service", "/isvs/BJ-ISV1/payout-statements/2030-03", PartyKind.ISV, "BJ-ISV1",
                        PartyKind.ISV, "BJ-ISV2", 403),
                new Access("billing-service", "/resellers/RJ-R/orders", PartyKind.RESELLER, "RJ-R",
                        PartyKind.CUSTOMER, "C-J-D1", 403),
                new Access("billing-service", "/customers/C-J-D1/orders", PartyKind.CUSTOMER, "C-J-D1",
                        PartyKind.CUSTOMER, "C-J-D2", 403));
        for (Access endpoint : endpoints) {
            RunningSystem services = SystemUnderTest.services();
            assertThat(services.get(endpoint.service(), endpoint.path()).statusCode()).as("no token: " + endpoint)
                    .isEqualTo(401);
            HttpResponse<String> other = services.get(endpoint.service(), endpoint.path(), endpoint.otherKind(),
                    endpoint.other());
            assertThat(other.statusCode()).as("another party: " + endpoint).isEqualTo(endpoint.otherStatus());
            assertThat(other.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                    .startsWith("application/problem+json"));
            assertThat(services.get(endpoint.service(), endpoint.path(), endpoint.ownerKind(), endpoint.owner())
                    .statusCode()).as("its party: " + endpoint).isEqualTo(200);
            assertThat(services.get(endpoint.service(), endpoint.path(), PartyKind.OPERATOR, "ops-1").statusCode())
                    .as("an operator: " + endpoint).isEqualTo(200);
        }
    }

    /** One endpoint: whose it is, and someone else who must not see it (and what they get instead). */
    record Access(String service, String path, PartyKind ownerKind, String owner, PartyKind otherKind,
            String other, int otherStatus) {
    }

    private static int records(String topic, String key) {
        return (int) SystemUnderTest.kafka().readAll(topic).stream().filter(r -> key.equals(r.key())).count();
    }
}
