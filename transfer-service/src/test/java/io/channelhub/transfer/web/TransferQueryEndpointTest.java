package io.channelhub.transfer.web;

import static io.channelhub.transfer.web.ApprovalLinkEndpointTest.assertProblem;
import static io.channelhub.transfer.web.TestTransfers.REQUESTED_AT;
import static org.assertj.core.api.Assertions.assertThat;

import static io.channelhub.transfer.web.TestTransfers.json;

import io.channelhub.platform.security.Party;
import io.channelhub.platform.security.PartyKind;
import io.channelhub.platform.testing.TestTokens;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.event.TransferRequested;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** T9: the state of a transfer over HTTP, by entitlement and by transfer id, without reading Kafka. */
class TransferQueryEndpointTest extends EndpointTest {

    // T9: who is asked, who approved, who is pending, why it waits; the same by entitlement and by id
    @Test
    void anOpenTransferShowsItsPartiesAndWhatItWaitsFor() {
        TransferView view = transfers.open(transfers.id("E-Q"));

        assertThat(view.status()).isEqualTo("AWAITING_CONSENT");
        assertThat(view.kind()).isEqualTo("CHANGE_RESELLER");
        assertThat(view.customerCompanyName()).isEqualTo("PT Maju");
        assertThat(view.offerId()).isEqualTo("O-1");
        assertThat(view.fromBillingAccountId()).isEqualTo(transfers.fromAccount);
        assertThat(view.toBillingAccountId()).isEqualTo(transfers.toAccount);
        assertThat(view.fromResellerId()).isEqualTo(transfers.oldReseller);
        assertThat(view.toResellerId()).isEqualTo(transfers.newReseller);
        assertThat(view.parties()).extracting(p -> p.role() + "=" + p.partyId() + "/" + p.name()).containsExactly(
                "CUSTOMER=" + transfers.customer + "/PT Maju", "ISV=" + transfers.isv + "/Vendor " + transfers.run,
                "CURRENT_RESELLER=" + transfers.oldReseller + "/Rivenditore Uno",
                "TARGET_RESELLER=" + transfers.newReseller + "/Revenda Dois");
        assertThat(view.parties()).allSatisfy(p -> assertThat(p.decision()).isNull());
        assertThat(view.approved()).isEmpty();
        assertThat(view.pending()).containsExactly("CUSTOMER", "ISV", "CURRENT_RESELLER", "TARGET_RESELLER");
        assertThat(view.waitingFor()).isEqualTo("consent of CUSTOMER, ISV, CURRENT_RESELLER, TARGET_RESELLER");
        assertThat(view.problems()).isEmpty();
        assertThat(view.openedAt()).isEqualTo(REQUESTED_AT);
        assertThat(view.remindAt()).isEqualTo(REQUESTED_AT.plus(Duration.ofDays(3)));
        assertThat(view.expiresAt()).isEqualTo(REQUESTED_AT.plus(Duration.ofDays(14)));
        assertThat(view.closedAt()).isNull();

        HttpResponse<String> byEntitlement = transfers.get("/transfers?entitlementId=" + view.entitlementId());
        HttpResponse<String> byId = transfers.get("/transfers/" + view.transferId());
        assertThat(byId.statusCode()).isEqualTo(200);
        assertThat(byId.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(byId.body()).isEqualTo(byEntitlement.body());
        // the parties' and the contact's addresses are in the state, never in the view
        assertThat(byId.body()).doesNotContain("@");
    }

    // issue 18: kind and id together name a party. Both views, as every kind of caller bearing each party's id:
    // only that party's own kind (and operators) see the transfer; to any other kind it does not exist
    @Test
    void everyEndpointAsEveryKindWithEachPartysId() {
        TransferView view = transfers.open(transfers.id("E-KINDS"));
        List<Party> parties = List.of(Party.isv(transfers.isv), Party.customer(transfers.customer),
                Party.reseller(transfers.oldReseller), Party.reseller(transfers.newReseller));
        for (String path : List.of("/transfers?entitlementId=" + view.entitlementId(),
                "/transfers/" + view.transferId())) {
            for (Party party : parties) {
                for (PartyKind kind : PartyKind.values()) {
                    HttpResponse<String> response = transfers.get(path, TestTokens.bearer(kind, party.id()));
                    if (kind == party.kind() || kind == PartyKind.OPERATOR) {
                        assertThat(response.statusCode()).as(kind + " " + path).isEqualTo(200);
                    } else {
                        assertProblem(response, 404, "UNKNOWN_TRANSFER");
                        assertThat(response.body()).doesNotContain(transfers.customer, "PT Maju");
                    }
                }
            }
        }
    }

    // T9, T3: a request waiting for information says exactly what is missing
    @Test
    void aRequestWaitingForInformationSaysWhatIsMissing() {
        String entitlementId = transfers.id("E-INFO");
        transfers.activate(entitlementId);
        TransferRequested incomplete = TransferRequested.newBuilder(transfers.request(entitlementId))
                .setTargetBillingAccountId(null).build();
        transfers.kafka.send(Topics.TRANSFERS_COMMANDS, entitlementId, incomplete);

        TransferView view = transfers.await(entitlementId, v -> true);

        assertThat(view.status()).isEqualTo("INFO_REQUESTED");
        assertThat(view.entitlementId()).isEqualTo(entitlementId);
        assertThat(view.fromBillingAccountId()).isEqualTo(transfers.fromAccount);
        assertThat(view.toBillingAccountId()).isNull();
        assertThat(view.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("targetBillingAccountId");
            assertThat(p.code()).isEqualTo("MISSING");
        });
        assertThat(view.waitingFor()).startsWith("information: ")
                .contains("Please provide the target billing account ID.");
        assertThat(view.parties()).isEmpty();
        assertThat(view.openedAt()).isNull();
        assertThat(view.since()).isEqualTo(REQUESTED_AT);
        assertThat(transfers.get("/transfers/" + view.transferId()).body()).contains("\"status\":\"INFO_REQUESTED\"");
    }

    // T9, issue 10: the transfer's parties and operators see it; to anyone else it does not exist (404, as an
    // unknown one), and without a valid token nobody sees anything (401)
    @Test
    void onlyTheTransfersPartiesSeeIt() {
        TransferView view = transfers.open(transfers.id("E-WHO"));
        String byEntitlement = "/transfers?entitlementId=" + view.entitlementId();
        String byId = "/transfers/" + view.transferId();
        for (String path : new String[] {byEntitlement, byId}) {
            assertProblem(transfers.get(path, null), 401, "UNAUTHENTICATED");
            assertProblem(transfers.get(path, "Bearer " + TestTokens.expired(PartyKind.ISV, transfers.isv)), 401,
                    "INVALID_TOKEN");
            assertProblem(transfers.get(path, TestTokens.bearer(PartyKind.ISV, transfers.id("ISV-OTHER"))), 404,
                    "UNKNOWN_TRANSFER");
            assertProblem(transfers.get(path, TestTokens.bearer(PartyKind.RESELLER, transfers.id("R-OTHER"))), 404,
                    "UNKNOWN_TRANSFER");
            assertProblem(transfers.get(path, TestTokens.bearer(PartyKind.CUSTOMER, transfers.id("C-OTHER"))), 404,
                    "UNKNOWN_TRANSFER");
            for (String party : new String[] {
                    TestTokens.bearer(PartyKind.ISV, transfers.isv),
                    TestTokens.bearer(PartyKind.CUSTOMER, transfers.customer),
                    TestTokens.bearer(PartyKind.RESELLER, transfers.oldReseller),
                    TestTokens.bearer(PartyKind.RESELLER, transfers.newReseller),
                    TestTokens.bearer(PartyKind.OPERATOR, "ops-1")}) {
                HttpResponse<String> answer = transfers.get(path, party);
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                assertThat(json(answer).get("transferId").asString()).isEqualTo(view.transferId());
            }
        }
        // malformed ids and parameters the endpoint does not take: 400, before anything is looked up
        assertProblem(transfers.get("/transfers?entitlementId=E%7CX"), 400, "MALFORMED_ID");
        assertProblem(transfers.get(byEntitlement + "&status=OPEN"), 400, "UNKNOWN_PARAMETER");
    }

    // issue 10: before the transfer opens (waiting for information) its audience comes from the entitlement and
    // the directory: the ISV and the customer see what is missing, nobody else
    @Test
    void aRequestWaitingForInformationIsSeenByItsIsvAndCustomer() {
        String entitlementId = transfers.id("E-INFO-WHO");
        transfers.activate(entitlementId);
        transfers.kafka.send(Topics.TRANSFERS_COMMANDS, entitlementId, TransferRequested.newBuilder(
                transfers.request(entitlementId)).setTargetBillingAccountId(null).build());
        TransferView view = transfers.await(entitlementId, v -> v.status().equals("INFO_REQUESTED"));
        String path = "/transfers/" + view.transferId();
        assertThat(transfers.get(path, TestTokens.bearer(PartyKind.CUSTOMER, transfers.customer)).statusCode())
                .isEqualTo(200);
        assertThat(transfers.get(path, TestTokens.bearer(PartyKind.RESELLER, transfers.oldReseller)).statusCode())
                .isEqualTo(200);
        assertProblem(transfers.get(path, TestTokens.bearer(PartyKind.RESELLER, transfers.newReseller)), 404,
                "UNKNOWN_TRANSFER");
    }

    // T9: unknown ids are 404 problems; a missing parameter is a 400 problem
    @Test
    void unknownTransfersAndEntitlementsAreProblems() {
        assertProblem(transfers.get("/transfers/" + transfers.id("T-NONE")), 404, "UNKNOWN_TRANSFER");
        assertProblem(transfers.get("/transfers?entitlementId=" + transfers.id("E-NONE")), 404, "UNKNOWN_TRANSFER");

        HttpResponse<String> noParameter = transfers.get("/transfers");
        assertThat(noParameter.statusCode()).isEqualTo(400);
        assertThat(noParameter.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
