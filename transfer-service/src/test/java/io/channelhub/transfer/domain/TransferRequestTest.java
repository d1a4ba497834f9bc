package io.channelhub.transfer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.Problem;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransferRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final TransferDecider decider = new TransferDecider(new TransferSettings(Duration.ofDays(3),
            Duration.ofDays(14)));

    private static TestFacts facts(String entitlementAccount) {
        return new TestFacts()
                .withIsv("ISV-1").withReseller("R-1").withReseller("R-2")
                .withAccount("BA-DIRECT-1", null).withAccount("BA-DIRECT-2", null)
                .withAccount("BA-R1-A", "R-1").withAccount("BA-R1-B", "R-1").withAccount("BA-R2", "R-2")
                .withEntitlement("E-1", entitlementAccount, true);
    }

    private static TransferRequested.Builder request(String from, String to) {
        return TransferRequested.newBuilder()
                .setMeta(EventMeta.newBuilder().setEventId("req-1").setOccurredAt(Instant.parse("2026-11-23T10:00:00Z"))
                        .setProducer("isv-portal").build())
                .setCustomerCompanyName("Acme Ltd").setEntitlementId("E-1").setOfferId("O-1")
                .setCurrentBillingAccountId(from).setTargetBillingAccountId(to)
                .setContactName("Ada").setContactEmail("ada@acme.example");
    }

    private List<SpecificRecord> decide(TransferRequested request, String entitlementAccount) {
        return decide(request, facts(entitlementAccount));
    }

    private List<SpecificRecord> decide(TransferRequested request, Facts facts) {
        return decider.decide(request, null, facts, NOW).events();
    }

    // T1, T2: the kind follows from the two accounts
    @ParameterizedTest
    @CsvSource({
            "BA-DIRECT-1, BA-DIRECT-2, CHANGE_BILLING_ACCOUNT",
            "BA-R1-A,     BA-R1-B,     CHANGE_BILLING_ACCOUNT",
            "BA-R1-A,     BA-DIRECT-1, RESELLER_TO_DIRECT",
            "BA-DIRECT-1, BA-R1-A,     DIRECT_TO_RESELLER",
            "BA-R1-A,     BA-R2,       CHANGE_RESELLER"})
    void kindFollowsFromTheAccounts(String from, String to, TransferKind kind) {
        TransferDetails opened = ((TransferOpened) decide(request(from, to).build(), from).get(0)).getDetails();
        assertThat(opened.getKind()).isEqualTo(kind);
        assertThat(opened.getFromBillingAccountId()).isEqualTo(from);
        assertThat(opened.getToBillingAccountId()).isEqualTo(to);
    }

    // T2, T4: customer, ISV and every reseller involved must consent
    @ParameterizedTest
    @CsvSource({
            "BA-DIRECT-1, BA-DIRECT-2, 'CUSTOMER:CUST-BA-DIRECT-1,ISV:ISV-1'",
            "BA-R1-A,     BA-R1-B,     'CUSTOMER:CUST-BA-R1-A,ISV:ISV-1,CURRENT_RESELLER:R-1'",
            "BA-R1-A,     BA-DIRECT-1, 'CUSTOMER:CUST-BA-R1-A,ISV:ISV-1,CURRENT_RESELLER:R-1'",
            "BA-DIRECT-1, BA-R1-A,     'CUSTOMER:CUST-BA-DIRECT-1,ISV:ISV-1,TARGET_RESELLER:R-1'",
            "BA-R1-A,     BA-R2,       'CUSTOMER:CUST-BA-R1-A,ISV:ISV-1,CURRENT_RESELLER:R-1,TARGET_RESELLER:R-2'"})
    void everyPartyInvolvedIsAskedOnce(String from, String to, String expectedParties) {
        TransferDetails opened = ((TransferOpened) decide(request(from, to).build(), from).get(0)).getDetails();
        assertThat(opened.getParties()).extracting(p -> p.getRole() + ":" + p.getPartyId())
                .containsExactly(expectedParties.split(","));
    }

    @Test
    void partiesCarryTheirDirectoryContacts() {
        TransferDetails opened = ((TransferOpened) decide(request("BA-R1-A", "BA-R2").build(), "BA-R1-A").get(0))
                .getDetails();
        assertThat(opened.getParties()).extracting(Party::getEmail).containsExactly("billing@ba-r1-a.example",
                "partners@isv-1.example", "sales@r-1.example", "sales@r-2.example");
        assertThat(opened.getParties().get(0).getName()).isEqualTo("Acme Ltd");
        assertThat(opened.getFromResellerId()).isEqualTo("R-1");
        assertThat(opened.getToResellerId()).isEqualTo("R-2");
    }

    // T4, issue 23: the details name the offer, its product and both accounts, so every e-mail can
    @Test
    void detailsCarryTheNamesOfTheOfferAndTheAccountsFromTheDirectory() {
        TransferDetails opened = ((TransferOpened) decide(request("BA-R1-A", "BA-R2").build(),
                facts("BA-R1-A").withOffer("O-1", "ISV-1")).get(0)).getDetails();
        assertThat(opened.getProductName()).isEqualTo("Product of O-1");
        assertThat(opened.getOfferName()).isEqualTo("Offer O-1");
        assertThat(opened.getFromBillingAccountName()).isEqualTo("Account BA-R1-A");
        assertThat(opened.getToBillingAccountName()).isEqualTo("Account BA-R2");
    }

    // issue 23: names are for people, never a reason to hold a transfer; an offer not listed stays an id
    @ParameterizedTest
    @CsvSource({"unlisted, ''", "listed for another ISV, ISV-2"})
    void anOfferWithoutNamesOfItsIsvOpensTheTransferWithoutThem(String what, String listedFor) {
        TestFacts facts = listedFor.isEmpty() ? facts("BA-R1-A") : facts("BA-R1-A").withOffer("O-1", listedFor);
        SpecificRecord outcome = decide(request("BA-R1-A", "BA-R2").build(), facts).get(0);
        assertThat(outcome).as(what).isInstanceOf(TransferOpened.class);
        TransferDetails opened = ((TransferOpened) outcome).getDetails();
        assertThat(opened.getProductName()).isNull();
        assertThat(opened.getOfferName()).isNull();
        assertThat(opened.getOfferId()).isEqualTo("O-1");
    }

    @Test
    void idsDeriveFromTheRequestSoAReplayDecidesIdentically() {
        TransferRequested request = request("BA-R1-A", "BA-R2").build();
        TransferOpened first = (TransferOpened) decide(request, "BA-R1-A").get(0);
        assertThat(decide(request, "BA-R1-A")).containsExactly(first);
        assertThat(first.getDetails().getTransferId()).isEqualTo(EventIds.derive("req-1", "Transfer", 0));
        assertThat(first.getMeta().getCausationId()).isEqualTo("req-1");
    }

    // T2: a stated kind must match the accounts
    @Test
    void aStatedKindThatMatchesIsAccepted() {
        assertThat(decide(request("BA-R1-A", "BA-R2").setKind(TransferKind.CHANGE_RESELLER).build(), "BA-R1-A"))
                .singleElement().isInstanceOf(TransferOpened.class);
    }

    // T3: RESELLER_TO_DIRECT on a direct entitlement is inconsistent
    @Test
    void aStatedKindThatContradictsTheAccountsWaitsForInformation() {
        TransferInfoRequested info = (TransferInfoRequested) decide(
                request("BA-DIRECT-1", "BA-DIRECT-2").setKind(TransferKind.RESELLER_TO_DIRECT).build(),
                "BA-DIRECT-1").get(0);
        assertThat(info.getProblems()).extracting(Problem::getField, Problem::getCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("kind", "KIND_MISMATCH"));
        assertThat(info.getProblems().get(0).getMessage()).contains("RESELLER_TO_DIRECT", "CHANGE_BILLING_ACCOUNT");
        assertThat(info.getContact().getEmail()).isEqualTo("ada@acme.example");
    }

    // T3: the contact gets the exact list of what is missing
    @Test
    void everyMissingFieldIsListed() {
        TransferRequested incomplete = request("BA-R1-A", "BA-R2").setCustomerCompanyName(null).setOfferId(" ")
                .setTargetBillingAccountId(null).build();
        TransferInfoRequested info = (TransferInfoRequested) decide(incomplete, "BA-R1-A").get(0);
        assertThat(info.getProblems()).extracting(Problem::getField).containsExactly("customerCompanyName",
                "offerId", "targetBillingAccountId");
        assertThat(info.getProblems()).extracting(Problem::getCode).containsOnly("MISSING");
        assertThat(info.getEntitlementId()).isEqualTo("E-1");
    }

    // T3: unknown entitlement, wrong account, wrong offer, unknown target
    @Test
    void inconsistentFactsAreListedWithWhatIsActuallyTrue() {
        TransferRequested wrong = request("BA-R1-B", "BA-NOPE").setOfferId("O-9").build();
        TransferInfoRequested info = (TransferInfoRequested) decide(wrong, "BA-R1-A").get(0);
        assertThat(info.getProblems()).extracting(Problem::getCode).containsExactly("OFFER_MISMATCH",
                "NOT_CURRENT_BILLING_ACCOUNT", "UNKNOWN_BILLING_ACCOUNT");
        assertThat(info.getProblems().get(1).getMessage()).contains("BA-R1-A");

        TransferInfoRequested unknown = (TransferInfoRequested) decide(request("BA-R1-A", "BA-R2")
                .setEntitlementId("E-404").build(), "BA-R1-A").get(0);
        assertThat(unknown.getProblems()).extracting(Problem::getCode).containsExactly("UNKNOWN_ENTITLEMENT");
    }

    @Test
    void theSameAccountTwiceIsNotATransfer() {
        TransferInfoRequested info = (TransferInfoRequested) decide(request("BA-R1-A", "BA-R1-A").build(),
                "BA-R1-A").get(0);
        assertThat(info.getProblems()).extracting(Problem::getCode).contains("SAME_BILLING_ACCOUNT");
    }

    // T3: without a contact, the ISV that filed the request hears what is missing
    @Test
    void withoutAContactTheIsvIsTold() {
        TransferInfoRequested info = (TransferInfoRequested) decide(request("BA-R1-A", "BA-R2").setContactEmail(null)
                .setContactName(null).build(), "BA-R1-A").get(0);
        assertThat(info.getContact().getEmail()).isEqualTo("partners@isv-1.example");
        assertThat(info.getProblems()).extracting(Problem::getField).containsExactly("contactName", "contactEmail");
    }

    @Test
    void aPartyMissingFromTheDirectoryBlocksTheTransfer() {
        TestFacts noResellerTwo = new TestFacts().withIsv("ISV-1").withReseller("R-1").withAccount("BA-R1-A", "R-1")
                .withAccount("BA-R2", "R-2").withEntitlement("E-1", "BA-R1-A", true);
        TransferInfoRequested info = (TransferInfoRequested) decide(request("BA-R1-A", "BA-R2").build(),
                noResellerTwo).get(0);
        assertThat(info.getProblems()).extracting(Problem::getCode, Problem::getField).containsExactly(
                org.assertj.core.groups.Tuple.tuple("UNKNOWN_PARTY", "targetBillingAccountId"));
    }

    // T3: an entitlement that is no longer active cannot move
    @Test
    void aCancelledEntitlementCannotBeTransferred() {
        TestFacts cancelled = facts("BA-R1-A").withEntitlement("E-1", null, false);
        TransferInfoRequested info = (TransferInfoRequested) decide(request("BA-R1-A", "BA-R2").build(), cancelled)
                .get(0);
        assertThat(info.getProblems()).extracting(Problem::getCode).containsExactly("ENTITLEMENT_NOT_ACTIVE");
    }

    @Test
    void partyRolesAreDistinct() {
        TransferDetails opened = ((TransferOpened) decide(request("BA-R1-A", "BA-R1-B").build(), "BA-R1-A").get(0))
                .getDetails();
        assertThat(opened.getParties()).extracting(Party::getRole).doesNotHaveDuplicates()
                .doesNotContain(PartyRole.TARGET_RESELLER);
    }
}
