package io.channelhub.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.notification.TestEvents;
import io.channelhub.transfer.event.Contact;
import io.channelhub.transfer.event.Problem;
import io.channelhub.transfer.event.TransferInfoRequested;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailPlannerTest {

    // T4: each party gets its own e-mail with the transfer details
    @Test
    void aTransferOpenedAsksEveryPartyInItsOwnEmail() {
        List<PlannedEmail> emails = EmailPlanner.plan(TestEvents.opened("ev-1", "E-1"));

        assertThat(emails).extracting(PlannedEmail::toAddress).containsExactly("it@acme.example",
                "partners@vendor.example", "sales@old.example", "sales@new.example");
        assertThat(emails).extracting(PlannedEmail::template).containsOnly(EmailPlanner.CONSENT_REQUEST);
        assertThat(emails).extracting(PlannedEmail::messageId).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("<[0-9a-f-]{36}@channelhub>"));
        assertThat(emails.get(2).model()).containsEntry("kind", "Change of reseller")
                .containsEntry("entitlementId", "E-1").containsEntry("offerId", "O-1")
                .containsEntry("fromBillingAccount", "BA-1").containsEntry("toBillingAccount", "BA-2")
                .containsEntry("fromReseller", "R-1").containsEntry("toReseller", "R-2")
                .containsEntry("role", "current reseller");
        assertThat(emails).extracting(PlannedEmail::customerFacing).containsExactly(true, false, false, false);
    }

    // N2: the identity derives from the causing event
    @Test
    void planningTheSameEventTwiceYieldsTheSameMessageIds() {
        assertThat(EmailPlanner.plan(TestEvents.opened("ev-1", "E-1")))
                .isEqualTo(EmailPlanner.plan(TestEvents.opened("ev-1", "E-1")));
        assertThat(EmailPlanner.plan(TestEvents.opened("ev-2", "E-1")).get(0).messageId())
                .isNotEqualTo(EmailPlanner.plan(TestEvents.opened("ev-1", "E-1")).get(0).messageId());
    }

    // T3: the contact gets the exact list
    @Test
    void anInfoRequestTellsTheContactExactlyWhatIsMissing() {
        TransferInfoRequested info = new TransferInfoRequested(EventMeta.newBuilder().setEventId("ev-3")
                .setOccurredAt(Instant.EPOCH).setProducer("transfer-service").build(), "T-3", "E-3",
                new Contact("Ada", "ada@acme.example"), List.of(
                        new Problem("offerId", "MISSING", "Please provide the offer ID."),
                        new Problem("kind", "KIND_MISMATCH", "The request says X but it is Y.")));

        PlannedEmail email = EmailPlanner.plan(info).get(0);
        assertThat(email.toAddress()).isEqualTo("ada@acme.example");
        assertThat(email.model().get("problems")).isEqualTo(List.of("Please provide the offer ID.",
                "The request says X but it is Y."));

        TransferInfoRequested nobodyToTell = TransferInfoRequested.newBuilder(info).setContact(null).build();
        assertThat(EmailPlanner.plan(nobodyToTell)).isEmpty();
    }
}
