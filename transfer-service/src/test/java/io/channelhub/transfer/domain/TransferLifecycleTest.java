package io.channelhub.transfer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.testing.DeciderScenario;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferConsentRecorded;
import io.channelhub.transfer.event.TransferConsentRefused;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import io.channelhub.transfer.event.TransferDetailsSupplied;
import io.channelhub.transfer.event.TransferExpired;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRefused;
import io.channelhub.transfer.event.TransferRejected;
import io.channelhub.transfer.event.TransferReminded;
import io.channelhub.transfer.event.TransferRequested;
import io.channelhub.transfer.state.TransferState;
import io.channelhub.transfer.state.TransferStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** A transfer's life through the decider: consent (T5), completion (T6), one open transfer (T7), time (T8). */
class TransferLifecycleTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final TransferDecider decider = new TransferDecider(new TransferSettings(Duration.ofDays(3),
            Duration.ofDays(14)));
    private final TestFacts facts = new TestFacts().withIsv("ISV-1").withReseller("R-1").withReseller("R-2")
            .withAccount("BA-1", "R-1").withAccount("BA-2", "R-2").withEntitlement("E-1", "BA-1", true);
    private DeciderScenario<TransferState, Facts> transfer = DeciderScenario.given(decider, facts);
    private int ids;

    private List<SpecificRecord> run(SpecificRecord command) {
        return transfer.when(command);
    }

    private List<SpecificRecord> tick(Instant at) {
        return run(new ClockTicked(meta(at), at));
    }

    private TransferState state() {
        return transfer.state();
    }

    private EventMeta meta(Instant at) {
        return EventMeta.newBuilder().setEventId("cmd-" + ids++).setOccurredAt(at).setProducer("test").build();
    }

    private TransferRequested request(Instant at) {
        return TransferRequested.newBuilder().setMeta(meta(at)).setCustomerCompanyName("Acme").setEntitlementId("E-1")
                .setOfferId("O-1").setCurrentBillingAccountId("BA-1").setTargetBillingAccountId("BA-2")
                .setContactName("Ada").setContactEmail("ada@acme.example").build();
    }

    private TransferConsentSubmitted consent(PartyRole role, String partyId, ConsentDecision decision, Instant at) {
        return new TransferConsentSubmitted(meta(at), state().getTransferId(), "E-1", role, partyId, decision, "link");
    }

    private List<SpecificRecord> approve(PartyRole role, String partyId, Instant at) {
        return run(consent(role, partyId, ConsentDecision.APPROVE, at));
    }

    private String open() {
        assertThat(run(request(T0))).singleElement().isInstanceOf(TransferOpened.class);
        return state().getTransferId();
    }

    // T5, T6
    @Test
    void whenEveryPartyApprovesTheEntitlementMovesAndTheTransferCompletes() {
        open();
        assertThat(approve(PartyRole.TARGET_RESELLER, "R-2", T0.plusSeconds(60))).singleElement()
                .isInstanceOfSatisfying(TransferConsentRecorded.class, r -> assertThat(r.getPending())
                        .containsExactly(PartyRole.CUSTOMER, PartyRole.ISV, PartyRole.CURRENT_RESELLER));
        approve(PartyRole.CUSTOMER, "CUST-BA-1", T0.plusSeconds(120));
        approve(PartyRole.ISV, "ISV-1", T0.plusSeconds(180));

        List<SpecificRecord> last = approve(PartyRole.CURRENT_RESELLER, "R-1", T0.plusSeconds(240));

        assertThat(last).hasSize(3);
        assertThat(last.get(0)).isInstanceOfSatisfying(TransferConsentRecorded.class,
                r -> assertThat(r.getPending()).isEmpty());
        assertThat(last.get(1)).isInstanceOf(TransferCompleted.class);
        assertThat(last.get(2)).isInstanceOfSatisfying(EntitlementMoved.class, moved -> {
            assertThat(moved.getFromBillingAccountId()).isEqualTo("BA-1");
            assertThat(moved.getToBillingAccountId()).isEqualTo("BA-2");
            assertThat(moved.getFromResellerId()).isEqualTo("R-1");
            assertThat(moved.getToResellerId()).isEqualTo("R-2");
            assertThat(moved.getMeta().getOccurredAt()).isEqualTo(T0.plusSeconds(240));
        });
        assertThat(state().getStatus()).isEqualTo(TransferStatus.COMPLETED);
        assertThat(decider.nextDeadline(state())).isEmpty();
    }

    // T5: one rejection ends it for everyone
    @Test
    void oneRejectionEndsTheTransfer() {
        open();
        approve(PartyRole.CUSTOMER, "CUST-BA-1", T0.plusSeconds(60));

        List<SpecificRecord> rejected = run(consent(PartyRole.ISV, "ISV-1", ConsentDecision.REJECT,
                T0.plusSeconds(120)));

        assertThat(rejected).singleElement().isInstanceOfSatisfying(TransferRejected.class,
                r -> assertThat(r.getRejectedBy().getPartyId()).isEqualTo("ISV-1"));
        assertThat(state().getStatus()).isEqualTo(TransferStatus.REJECTED);
        assertThat(approve(PartyRole.CURRENT_RESELLER, "R-1", T0.plusSeconds(180))).singleElement()
                .isInstanceOfSatisfying(TransferConsentRefused.class,
                        r -> assertThat(r.getCode()).isEqualTo("TRANSFER_CLOSED"));
    }

    // T5: refused approvals change nothing
    @Test
    void consentFromANonPartyOrForAnotherTransferIsRefusedAndChangesNothing() {
        open();
        TransferState before = state();

        assertThat(approve(PartyRole.ISV, "ISV-OTHER", T0.plusSeconds(60))).singleElement()
                .isInstanceOfSatisfying(TransferConsentRefused.class, r -> assertThat(r.getCode())
                        .isEqualTo("NOT_A_PARTY"));
        assertThat(run(new TransferConsentSubmitted(meta(T0.plusSeconds(61)), "T-OTHER", "E-1", PartyRole.ISV,
                "ISV-1", ConsentDecision.APPROVE, "upstream"))).singleElement()
                .isInstanceOfSatisfying(TransferConsentRefused.class, r -> assertThat(r.getCode())
                        .isEqualTo("UNKNOWN_TRANSFER"));
        assertThat(state()).isEqualTo(before);
    }

    // T5: a repeated approval changes nothing; changing one's mind is refused
    @Test
    void aRepeatedApprovalChangesNothingAndAReversalIsRefused() {
        open();
        approve(PartyRole.ISV, "ISV-1", T0.plusSeconds(60));
        TransferState afterFirst = state();

        assertThat(approve(PartyRole.ISV, "ISV-1", T0.plusSeconds(70))).isEmpty();
        assertThat(state()).isEqualTo(afterFirst);
        assertThat(run(consent(PartyRole.ISV, "ISV-1", ConsentDecision.REJECT, T0.plusSeconds(80)))).singleElement()
                .isInstanceOfSatisfying(TransferConsentRefused.class, r -> assertThat(r.getCode())
                        .isEqualTo("ALREADY_DECIDED"));
        assertThat(state().getStatus()).isEqualTo(TransferStatus.AWAITING_CONSENT);
    }

    // T7
    @Test
    void aSecondRequestWhileOneIsOpenIsRefusedAndOneAfterItEndsOpensAnew() {
        String first = open();

        assertThat(run(request(T0.plusSeconds(10)))).singleElement().isInstanceOfSatisfying(TransferRefused.class,
                r -> {
                    assertThat(r.getCode()).isEqualTo("TRANSFER_ALREADY_OPEN");
                    assertThat(r.getOpenTransferId()).isEqualTo(first);
                    assertThat(r.getContact().getEmail()).isEqualTo("ada@acme.example");
                });
        assertThat(state().getTransferId()).isEqualTo(first);

        run(consent(PartyRole.CUSTOMER, "CUST-BA-1", ConsentDecision.REJECT, T0.plusSeconds(20)));
        assertThat(run(request(T0.plusSeconds(30)))).singleElement().isInstanceOf(TransferOpened.class);
        assertThat(state().getTransferId()).isNotEqualTo(first);
    }

    // T3: the follow-up resumes the transfer
    @Test
    void aFollowUpWithTheMissingDetailsOpensTheWaitingTransfer() {
        List<SpecificRecord> waiting = run(TransferRequested.newBuilder(request(T0)).setOfferId(null).build());
        assertThat(waiting).singleElement().isInstanceOf(TransferInfoRequested.class);
        String transferId = state().getTransferId();
        assertThat(state().getStatus()).isEqualTo(TransferStatus.INFO_REQUESTED);
        assertThat(approve(PartyRole.ISV, "ISV-1", T0.plusSeconds(5))).singleElement()
                .isInstanceOfSatisfying(TransferConsentRefused.class, r -> assertThat(r.getCode())
                        .isEqualTo("NOT_AWAITING_CONSENT"));

        TransferDetailsSupplied wrongTransfer = TransferDetailsSupplied.newBuilder().setMeta(meta(T0.plusSeconds(9)))
                .setTransferId("T-OTHER").setOfferId("O-1").build();
        assertThat(run(wrongTransfer)).singleElement().isInstanceOfSatisfying(TransferRefused.class,
                r -> assertThat(r.getCode()).isEqualTo("UNKNOWN_TRANSFER"));

        TransferDetailsSupplied followUp = TransferDetailsSupplied.newBuilder().setMeta(meta(T0.plusSeconds(10)))
                .setTransferId(transferId).setOfferId("O-1").build();
        assertThat(run(followUp)).singleElement().isInstanceOfSatisfying(TransferOpened.class,
                o -> assertThat(o.getDetails().getTransferId()).isEqualTo(transferId));
        assertThat(run(followUp)).singleElement().isInstanceOfSatisfying(TransferRefused.class,
                r -> assertThat(r.getCode()).isEqualTo("NOT_WAITING_FOR_INFORMATION"));
    }

    // T8: reminded once after the period, expired after the deadline, everyone still pending named
    @Test
    void pendingPartiesAreRemindedOnceAndTheTransferExpires() {
        open();
        approve(PartyRole.CUSTOMER, "CUST-BA-1", T0.plusSeconds(60));
        assertThat(state().getRemindAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
        assertThat(state().getExpiresAt()).isEqualTo(T0.plus(Duration.ofDays(14)));

        assertThat(tick(T0.plus(Duration.ofDays(3)).minusMillis(1))).isEmpty();
        assertThat(tick(T0.plus(Duration.ofDays(3)))).singleElement().isInstanceOfSatisfying(TransferReminded.class,
                r -> assertThat(r.getPending()).extracting(Party::getRole).containsExactly(PartyRole.ISV,
                        PartyRole.CURRENT_RESELLER, PartyRole.TARGET_RESELLER));
        assertThat(tick(T0.plus(Duration.ofDays(4)))).isEmpty();
        assertThat(decider.nextDeadline(state())).contains(T0.plus(Duration.ofDays(14)));

        assertThat(tick(T0.plus(Duration.ofDays(14)))).singleElement().isInstanceOfSatisfying(TransferExpired.class,
                e -> assertThat(e.getPending()).hasSize(3));
        assertThat(state().getStatus()).isEqualTo(TransferStatus.EXPIRED);
        assertThat(tick(T0.plus(Duration.ofDays(15)))).isEmpty();
    }

    // T8: the deadline holds even when no tick came before a late approval
    @Test
    void aLateApprovalFindsTheTransferExpired() {
        open();
        List<SpecificRecord> late = approve(PartyRole.ISV, "ISV-1", T0.plus(Duration.ofDays(20)));
        assertThat(late).hasSize(2);
        assertThat(late.get(0)).isInstanceOf(TransferExpired.class);
        assertThat(late.get(1)).isInstanceOfSatisfying(TransferConsentRefused.class,
                r -> assertThat(r.getCode()).isEqualTo("TRANSFER_CLOSED"));
    }

    // T8: a request waiting for information does not wait forever either
    @Test
    void aRequestWaitingForInformationExpires() {
        run(TransferRequested.newBuilder(request(T0)).setOfferId(null).build());
        assertThat(state().getRemindAt()).isNull();
        assertThat(tick(T0.plus(Duration.ofDays(14)))).singleElement().isInstanceOfSatisfying(TransferExpired.class,
                e -> {
                    assertThat(e.getDetails()).isNull();
                    assertThat(e.getContact().getEmail()).isEqualTo("ada@acme.example");
                });
    }

    // X2: the same inputs decide the same outputs, ids included
    @Test
    void replayingTheSameCommandsYieldsTheSameEvents() {
        List<SpecificRecord> first = new ArrayList<>();
        first.addAll(run(request(T0)));
        first.addAll(approve(PartyRole.ISV, "ISV-1", T0.plusSeconds(1)));
        transfer = DeciderScenario.given(decider, facts);
        ids = 0;
        List<SpecificRecord> again = new ArrayList<>();
        again.addAll(run(request(T0)));
        again.addAll(approve(PartyRole.ISV, "ISV-1", T0.plusSeconds(1)));
        assertThat(again).isEqualTo(first);
    }
}
