package io.channelhub.notification.domain;

import static io.channelhub.notification.TestEvents.EXPIRES;
import static io.channelhub.notification.TestEvents.PLANNER;
import static io.channelhub.notification.TestEvents.details;
import static io.channelhub.notification.TestEvents.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.notification.TestEvents;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.Contact;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.Problem;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferConsentRecorded;
import io.channelhub.transfer.event.TransferConsentRefused;
import io.channelhub.transfer.event.TransferExpired;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRefused;
import io.channelhub.transfer.event.TransferRejected;
import io.channelhub.transfer.event.TransferReminded;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** Who gets which e-mail for each transfer outcome (T3–T8), with what, under which identity (N2). */
class TransferEmailsTest {

    private static final String CUSTOMER = "it@acme.example";
    private static final String ISV = "partners@vendor.example";
    private static final String OLD_RESELLER = "sales@old.example";
    private static final String NEW_RESELLER = "sales@new.example";
    private static final String CONTACT = "ada@acme.example";

    private static final List<String> PARTIES = List.of("Acme <Ltd> (customer)", "Vendor (ISV)",
            "Old Reseller (current reseller)", "New Reseller (new reseller)");
    /** What TestEvents.details("E-1") must look like in every e-mail about it (T4): nothing named, so ids. */
    private static final TransferSummary SUMMARY = new TransferSummary("T-E-1", "Change of reseller", "Acme <Ltd>",
            "Vendor", "entitlement E-1", null, "O-1", "BA-1", "BA-2", "Old Reseller", "New Reseller", PARTIES, "E-1",
            "O-1", "BA-1", "BA-2");

    // T4, issue 23: what the directory names is shown by name, the ids stay for the reference line
    @Test
    void aNamedTransferIsSummarisedByNamesAndItsSubjectsNameTheProductAndTheCustomer() {
        List<PlannedEmail> emails = PLANNER.plan(new TransferOpened(meta("ev-n"), TestEvents.namedDetails("E-1"),
                TestEvents.T0, EXPIRES), TestEvents.WRITTEN);

        assertThat(emails).hasSize(4).allSatisfy(email -> assertThat(email.model()).containsEntry("transfer",
                new TransferSummary("T-E-1", "Change of reseller", "Acme <Ltd>", "Vendor",
                        "Vendor Analytics (Analytics Pro)", "Vendor Analytics", "Analytics Pro", "Acme Hamburg",
                        "Acme Munich", "Old Reseller", "New Reseller", PARTIES, "E-1", "O-1", "BA-1", "BA-2")));
        assertThat(emails).extracting(PlannedEmail::subject).containsOnly(
                "Your consent is needed to transfer Vendor Analytics (Analytics Pro) for Acme <Ltd>");
    }

    // T4: every party in its own e-mail, with every detail and two links only it can use
    @Test
    void aTransferOpenedAsksEveryPartyForConsentWithItsOwnApproveAndRejectLinks() {
        TransferOpened opened = TestEvents.opened("ev-1", "E-1");
        List<PlannedEmail> emails = PLANNER.plan(opened, TestEvents.WRITTEN);

        assertThat(emails).extracting(PlannedEmail::toAddress)
                .containsExactly(CUSTOMER, ISV, OLD_RESELLER, NEW_RESELLER);
        assertThat(emails).extracting(PlannedEmail::template).containsOnly(TransferEmails.CONSENT_REQUEST);
        assertThat(emails).extracting(PlannedEmail::subject)
                .containsOnly("Your consent is needed to transfer entitlement E-1");
        assertThat(emails).extracting(PlannedEmail::customerFacing).containsExactly(true, false, false, false);
        assertThat(emails).extracting(e -> e.model().get("role"))
                .containsExactly("customer", "ISV", "current reseller", "new reseller");
        assertThat(emails).allSatisfy(email -> assertThat(email.model()).containsEntry("transfer", SUMMARY)
                .containsEntry("expiresAt", "2026-12-07 10:00 UTC"));
        List<Party> parties = opened.getDetails().getParties();
        for (int i = 0; i < parties.size(); i++) {
            assertLinksGrant(emails.get(i), parties.get(i), EXPIRES);
        }
    }

    // T8: only the parties still pending are reminded, with the details and fresh links
    @Test
    void aReminderGoesToThePendingPartiesOnlyWithFreshLinksAndTheExpiry() {
        List<Party> pending = List.of(details("E-1").getParties().get(0), details("E-1").getParties().get(3));
        Instant expires = EXPIRES.plusSeconds(3600);
        List<PlannedEmail> emails = PLANNER.plan(new TransferReminded(meta("ev-2"), details("E-1"), pending,
                expires), TestEvents.WRITTEN);

        assertThat(emails).extracting(PlannedEmail::toAddress).containsExactly(CUSTOMER, NEW_RESELLER);
        assertThat(emails).extracting(PlannedEmail::template).containsOnly(TransferEmails.REMINDER);
        assertThat(emails).extracting(PlannedEmail::subject)
                .containsOnly("Reminder: your consent is still needed to transfer entitlement E-1");
        assertThat(emails).extracting(PlannedEmail::customerFacing).containsExactly(true, false);
        assertThat(emails).allSatisfy(email -> assertThat(email.model()).containsEntry("transfer", SUMMARY)
                .containsEntry("expiresAt", "2026-12-07 11:00 UTC"));
        assertLinksGrant(emails.get(0), pending.get(0), expires);
        assertLinksGrant(emails.get(1), pending.get(1), expires);
    }

    // T5: one rejection ends it; every party and the contact hear who rejected
    @Test
    void aRejectionIsToldToEveryPartyAndTheContactNamingWhoRejected() {
        Party isv = details("E-1").getParties().get(1);
        List<PlannedEmail> emails = PLANNER.plan(new TransferRejected(meta("ev-3"), details("E-1"), isv), TestEvents.WRITTEN);

        assertThat(emails).extracting(PlannedEmail::toAddress)
                .containsExactly(CUSTOMER, ISV, OLD_RESELLER, NEW_RESELLER, CONTACT);
        assertThat(emails).extracting(PlannedEmail::template).containsOnly(TransferEmails.REJECTED);
        assertThat(emails).extracting(PlannedEmail::subject).containsOnly("Transfer rejected: entitlement E-1");
        assertThat(emails).extracting(PlannedEmail::customerFacing).containsExactly(true, false, false, false, false);
        assertThat(emails).allSatisfy(email -> assertThat(email.model()).containsEntry("transfer", SUMMARY)
                .containsEntry("rejectedBy", "Vendor (ISV)").doesNotContainKeys("approveLink", "rejectLink"));
        assertThat(emails.get(4).model()).containsEntry("name", "Ada");
    }

    // T8: an expiry is told to every party and the contact, naming who had not answered
    @Test
    void anExpiryIsToldToEveryPartyAndTheContactNamingWhoDidNotAnswer() {
        List<Party> pending = details("E-1").getParties().subList(2, 4);
        List<PlannedEmail> emails = PLANNER.plan(new TransferExpired(meta("ev-4"), "T-E-1", "E-1", details("E-1"),
                details("E-1").getContact(), pending), TestEvents.WRITTEN);

        assertThat(emails).extracting(PlannedEmail::toAddress)
                .containsExactly(CUSTOMER, ISV, OLD_RESELLER, NEW_RESELLER, CONTACT);
        assertThat(emails).extracting(PlannedEmail::template).containsOnly(TransferEmails.EXPIRED);
        assertThat(emails).extracting(PlannedEmail::subject).containsOnly("Transfer expired: entitlement E-1");
        assertThat(emails).extracting(PlannedEmail::customerFacing).containsExactly(true, false, false, false, false);
        assertThat(emails).allSatisfy(email -> assertThat(email.model()).containsEntry("transfer", SUMMARY)
                .containsEntry("unanswered", List.of("Old Reseller (current reseller)",
                        "New Reseller (new reseller)")));
    }

    // T3, T8: a request that never became complete has no parties to tell, only its contact
    @Test
    void anExpiredRequestThatNeverOpenedIsToldToItsContactOnly() {
        List<PlannedEmail> emails = PLANNER.plan(new TransferExpired(meta("ev-5"), "T-5", null, null,
                new Contact("Ada", CONTACT), List.of()), TestEvents.WRITTEN);

        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.toAddress()).isEqualTo(CONTACT);
            assertThat(email.subject()).isEqualTo("Transfer expired: entitlement (not given)");
            assertThat(email.model()).containsEntry("transferId", "T-5").doesNotContainKey("transfer");
        });
    }

    // T6: every party gets a confirmation, and the ISV also the "transfer completed" e-mail
    @Test
    void completionConfirmsToEveryPartyAndSendsTheIsvTransferCompleted() {
        List<PlannedEmail> emails = PLANNER.plan(new TransferCompleted(meta("ev-6"), details("E-1")), TestEvents.WRITTEN);

        assertThat(emails).extracting(PlannedEmail::toAddress)
                .containsExactly(CUSTOMER, ISV, OLD_RESELLER, NEW_RESELLER, ISV);
        assertThat(emails).extracting(PlannedEmail::template).containsExactly(TransferEmails.COMPLETED,
                TransferEmails.COMPLETED, TransferEmails.COMPLETED, TransferEmails.COMPLETED, TransferEmails.COMPLETED_ISV);
        assertThat(emails).extracting(PlannedEmail::subject).containsExactly(
                "Transfer confirmed: entitlement E-1", "Transfer confirmed: entitlement E-1",
                "Transfer confirmed: entitlement E-1", "Transfer confirmed: entitlement E-1",
                "Transfer completed: entitlement E-1");
        assertThat(emails).extracting(PlannedEmail::customerFacing).containsExactly(true, false, false, false, false);
        assertThat(emails).allSatisfy(email -> assertThat(email.model()).containsEntry("transfer", SUMMARY)
                .containsEntry("completedAt", "2026-11-23 10:00 UTC"));
    }

    // T3: the contact gets the exact list of what is missing or wrong
    @Test
    void anInfoRequestTellsTheContactExactlyWhatIsMissing() {
        TransferInfoRequested info = new TransferInfoRequested(meta("ev-7"), "T-7", "E-7",
                new Contact("Ada", CONTACT), List.of(
                        new Problem("offerId", "MISSING", "Please provide the offer ID."),
                        new Problem("kind", "KIND_MISMATCH", "The request says X but it is Y.")));

        assertThat(PLANNER.plan(info, TestEvents.WRITTEN)).singleElement().satisfies(email -> {
            assertThat(email.toAddress()).isEqualTo(CONTACT);
            assertThat(email.template()).isEqualTo(TransferEmails.INFO_REQUESTED);
            assertThat(email.subject()).isEqualTo("More information needed to transfer entitlement E-7");
            assertThat(email.customerFacing()).isFalse();
            assertThat(email.model()).containsEntry("problems", List.of("Please provide the offer ID.",
                    "The request says X but it is Y.")).containsEntry("name", "Ada");
        });
        assertThat(PLANNER.plan(TransferInfoRequested.newBuilder(info).setContact(null).build(), TestEvents.WRITTEN)).isEmpty();
    }

    // T7: the contact hears why a second request changed nothing, and which transfer is open
    @Test
    void aRefusedRequestIsExplainedToItsContact() {
        TransferRefused refused = new TransferRefused(meta("ev-8"), "T-8", "E-8", new Contact("Ada", CONTACT),
                "TRANSFER_ALREADY_OPEN", "Entitlement E-8 already has an open transfer.", "T-OPEN");

        assertThat(PLANNER.plan(refused, TestEvents.WRITTEN)).singleElement().satisfies(email -> {
            assertThat(email.toAddress()).isEqualTo(CONTACT);
            assertThat(email.template()).isEqualTo(TransferEmails.REFUSED);
            assertThat(email.subject()).isEqualTo("Transfer request not accepted: entitlement E-8");
            assertThat(email.model()).containsEntry("reason", "Entitlement E-8 already has an open transfer.")
                    .containsEntry("openTransferId", "T-OPEN");
        });
        assertThat(PLANNER.plan(TransferRefused.newBuilder(refused).setContact(null).build(), TestEvents.WRITTEN)).isEmpty();
    }

    // T5: consent bookkeeping is not news to anyone
    @Test
    void recordedAndRefusedConsentsSendNothing() {
        assertThat(PLANNER.plan(new TransferConsentRecorded(meta("ev-9"), "T-9", "E-9", PartyRole.ISV, "ISV-1",
                ConsentDecision.APPROVE, List.of(PartyRole.CUSTOMER)), TestEvents.WRITTEN)).isEmpty();
        assertThat(PLANNER.plan(new TransferConsentRefused(meta("ev-10"), "T-9", "E-9", PartyRole.ISV, "X",
                "NOT_A_PARTY", "X is not a party of T-9."), TestEvents.WRITTEN)).isEmpty();
    }

    // N2: the identity derives from the causing event, the template and the position
    @Test
    void messageIdsDeriveFromTheCausingEventSoReplanningYieldsTheSameEmails() {
        List<SpecificRecord> events = List.of(TestEvents.opened("ev-11", "E-1"),
                new TransferCompleted(meta("ev-12"), details("E-1")),
                new TransferRejected(meta("ev-13"), details("E-1"), details("E-1").getParties().get(0)));
        for (SpecificRecord event : events) {
            List<PlannedEmail> emails = PLANNER.plan(event, TestEvents.WRITTEN);
            assertThat(PLANNER.plan(event, TestEvents.WRITTEN)).isEqualTo(emails);
            for (int i = 0; i < emails.size(); i++) {
                assertThat(emails.get(i).messageId())
                        .isEqualTo(Emails.messageId(event, emails.get(i).template(), i))
                        .matches("<[0-9a-f-]{36}@channelhub>");
            }
        }
        assertThat(PLANNER.plan(TestEvents.opened("ev-14", "E-1"), TestEvents.WRITTEN).get(0).messageId())
                .isNotEqualTo(PLANNER.plan(TestEvents.opened("ev-11", "E-1"), TestEvents.WRITTEN).get(0).messageId());
    }

    /** T4, T5: the links verify with the shared key and grant exactly this party each decision until expiry. */
    private static void assertLinksGrant(PlannedEmail email, Party party, Instant expiresAt) {
        for (ConsentDecision decision : ConsentDecision.values()) {
            String link = (String) email.model().get(decision == ConsentDecision.APPROVE ? "approveLink"
                    : "rejectLink");
            assertThat(link).startsWith("https://transfers.example/approvals/");
            ApprovalTokens.Verification verified = TestEvents.TOKENS.verify(link.substring(link.lastIndexOf('/') + 1),
                    TestEvents.T0);
            assertThat(verified).isEqualTo(new ApprovalTokens.Valid(new ApprovalTokens.Claim("T-E-1", "E-1",
                    party.getRole().name(), party.getPartyId(), decision.name(), expiresAt)));
        }
    }
}
