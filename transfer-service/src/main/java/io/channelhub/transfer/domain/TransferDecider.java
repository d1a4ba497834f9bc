package io.channelhub.transfer.domain;

import io.channelhub.common.event.EventMeta;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.platform.decider.Decider;
import io.channelhub.platform.decider.Decision;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.schemas.Records;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.Contact;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferConsentRecorded;
import io.channelhub.transfer.event.TransferConsentRefused;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferDetailsSupplied;
import io.channelhub.transfer.event.TransferExpired;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRefused;
import io.channelhub.transfer.event.TransferRejected;
import io.channelhub.transfer.event.TransferReminded;
import io.channelhub.transfer.event.TransferRequested;
import io.channelhub.transfer.state.Consent;
import io.channelhub.transfer.state.TransferState;
import io.channelhub.transfer.state.TransferStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The transfer rules (T1–T8) for one entitlement: given a command (or a tick), the entitlement's latest transfer
 * and the facts, what happens. Pure: time is the command's own, ids derive from the cause, so a replay decides
 * identically. The caller applies due deadlines ({@link #deadlines}) before every command, so a consent that
 * arrives after the deadline finds the transfer expired, tick or no tick.
 */
public final class TransferDecider implements Decider<TransferState, Facts> {

    public static final String PRODUCER = "transfer-service";
    private static final Set<TransferStatus> OPEN = Set.of(TransferStatus.INFO_REQUESTED,
            TransferStatus.AWAITING_CONSENT);

    private final TransferSettings settings;

    public TransferDecider(TransferSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean accepts(SpecificRecord command) {
        return command instanceof TransferRequested || command instanceof TransferDetailsSupplied
                || command instanceof TransferConsentSubmitted;
    }

    /** T3, T5, T7: the codes of what was refused or is missing, for the refusals metric. */
    @Override
    public List<String> refusalReasons(SpecificRecord event) {
        if (event instanceof TransferInfoRequested requested) {
            return requested.getProblems().stream().map(problem -> problem.getCode()).toList();
        }
        if (event instanceof TransferRefused refused) {
            return List.of(refused.getCode());
        }
        if (event instanceof TransferConsentRefused refused) {
            return List.of(refused.getCode());
        }
        return List.of();
    }

    public static boolean open(TransferState state) {
        return state != null && OPEN.contains(state.getStatus());
    }

    /** The next instant at which the transfer has something to do by itself (remind, expire), if open. */
    @Override
    public Optional<Instant> nextDeadline(TransferState state) {
        if (!open(state)) {
            return Optional.empty();
        }
        return Optional.of(state.getRemindAt() != null ? state.getRemindAt() : state.getExpiresAt());
    }

    @Override
    public Decision<TransferState> decide(SpecificRecord command, TransferState state, Facts facts, Instant now) {
        if (command instanceof TransferRequested request) {
            return request(request, state, facts, now);
        }
        if (command instanceof TransferDetailsSupplied supplied) {
            return supply(supplied, state, facts, now);
        }
        if (command instanceof TransferConsentSubmitted consent) {
            return consent(consent, state, now);
        }
        throw new IllegalArgumentException("Not a transfer command: " + command.getSchema().getFullName());
    }

    // T7: one open transfer per entitlement; otherwise T2–T4
    private Decision<TransferState> request(TransferRequested request, TransferState state, Facts facts, Instant now) {
        String transferId = EventIds.derive(request.getMeta().getEventId(), "Transfer", 0);
        if (open(state)) {
            return Decision.only(TransferRefused.newBuilder()
                    .setMeta(meta(request.getMeta(), "TransferRefused", transferId))
                    .setTransferId(transferId)
                    .setEntitlementId(request.getEntitlementId())
                    .setContact(request.getContactEmail() == null ? null
                            : new Contact(nonNull(request.getContactName()), request.getContactEmail()))
                    .setCode(RefusalCode.TRANSFER_ALREADY_OPEN.name())
                    .setMessage("Entitlement " + request.getEntitlementId() + " already has an open transfer ("
                            + state.getTransferId() + "); a new request can follow once it ends.")
                    .setOpenTransferId(state.getTransferId())
                    .build());
        }
        return evaluate(transferId, request, now, now, facts, request.getMeta());
    }

    // T3: a follow-up resumes a request waiting for information
    private Decision<TransferState> supply(TransferDetailsSupplied supplied, TransferState state, Facts facts, Instant now) {
        if (state == null || !state.getTransferId().equals(supplied.getTransferId())) {
            return refuseFollowUp(supplied, RefusalCode.UNKNOWN_TRANSFER, "There is no transfer "
                    + supplied.getTransferId() + " for this entitlement.");
        }
        if (state.getStatus() != TransferStatus.INFO_REQUESTED) {
            return refuseFollowUp(supplied, RefusalCode.NOT_WAITING_FOR_INFORMATION, "Transfer "
                    + state.getTransferId() + " is " + state.getStatus() + ", not waiting for information.");
        }
        return evaluate(state.getTransferId(), merge(state.getRequest(), supplied), state.getSince(), now, facts,
                supplied.getMeta());
    }

    private Decision<TransferState> evaluate(String transferId, TransferRequested request, Instant since, Instant now, Facts facts,
            EventMeta cause) {
        TransferState.Builder next = TransferState.newBuilder().setTransferId(transferId).setRequest(request)
                .setSince(since).setConsents(List.of());
        RequestCheck.Result result = RequestCheck.check(request, transferId, facts);
        if (result instanceof RequestCheck.Incomplete incomplete) {
            TransferState waiting = next.setStatus(TransferStatus.INFO_REQUESTED).setProblems(incomplete.problems())
                    .setExpiresAt(since.plus(settings.expireAfter())).build();
            return Decision.of(waiting, TransferInfoRequested.newBuilder()
                    .setMeta(meta(cause, "TransferInfoRequested", transferId))
                    .setTransferId(transferId)
                    .setEntitlementId(request.getEntitlementId())
                    .setContact(incomplete.contact())
                    .setProblems(incomplete.problems())
                    .build());
        }
        TransferDetails details = ((RequestCheck.Complete) result).details();
        TransferState opened = next.setStatus(TransferStatus.AWAITING_CONSENT).setProblems(List.of())
                .setDetails(details).setOpenedAt(now).setRemindAt(now.plus(settings.remindAfter()))
                .setExpiresAt(now.plus(settings.expireAfter())).build();
        return Decision.of(opened, TransferOpened.newBuilder()
                .setMeta(meta(cause, "TransferOpened", transferId))
                .setDetails(details)
                .setRemindAt(opened.getRemindAt())
                .setExpiresAt(opened.getExpiresAt())
                .build());
    }

    // T5, T6
    private Decision<TransferState> consent(TransferConsentSubmitted consent, TransferState state, Instant now) {
        if (state == null || !state.getTransferId().equals(consent.getTransferId())) {
            return refuseConsent(consent, RefusalCode.UNKNOWN_TRANSFER, "There is no transfer "
                    + consent.getTransferId() + " for entitlement " + consent.getEntitlementId() + ".");
        }
        if (state.getStatus() == TransferStatus.INFO_REQUESTED) {
            return refuseConsent(consent, RefusalCode.NOT_AWAITING_CONSENT, "Transfer " + state.getTransferId()
                    + " is still waiting for information; consent is asked once it is complete.");
        }
        if (!open(state)) {
            return refuseConsent(consent, RefusalCode.TRANSFER_CLOSED, "Transfer " + state.getTransferId()
                    + " is already " + state.getStatus() + ".");
        }
        TransferDetails details = state.getDetails();
        Optional<Party> party = details.getParties().stream()
                .filter(p -> p.getRole() == consent.getRole() && p.getPartyId().equals(consent.getPartyId()))
                .findFirst();
        if (party.isEmpty()) {
            return refuseConsent(consent, RefusalCode.NOT_A_PARTY, consent.getRole() + " " + consent.getPartyId()
                    + " is not a party whose consent transfer " + state.getTransferId() + " needs.");
        }
        Optional<Consent> earlier = state.getConsents().stream().filter(c -> c.getRole() == consent.getRole())
                .findFirst();
        if (earlier.isPresent()) {
            return earlier.get().getDecision() == consent.getDecision() ? Decision.nothing()
                    : refuseConsent(consent, RefusalCode.ALREADY_DECIDED, consent.getRole() + " already gave "
                            + earlier.get().getDecision() + " on transfer " + state.getTransferId() + ".");
        }
        List<Consent> consents = new ArrayList<>(state.getConsents());
        consents.add(new Consent(consent.getRole(), consent.getPartyId(), consent.getDecision(), now));
        EventMeta cause = consent.getMeta();
        String transferId = state.getTransferId();
        if (consent.getDecision() == ConsentDecision.REJECT) {
            return Decision.of(closed(state, TransferStatus.REJECTED, consents, now), TransferRejected.newBuilder()
                    .setMeta(meta(cause, "TransferRejected", transferId))
                    .setDetails(details)
                    .setRejectedBy(party.get())
                    .build());
        }
        List<PartyRole> pending = pending(details, consents).stream().map(Party::getRole).toList();
        TransferConsentRecorded recorded = TransferConsentRecorded.newBuilder()
                .setMeta(meta(cause, "TransferConsentRecorded", transferId))
                .setTransferId(transferId)
                .setEntitlementId(details.getEntitlementId())
                .setRole(consent.getRole())
                .setPartyId(consent.getPartyId())
                .setDecision(consent.getDecision())
                .setPending(pending)
                .build();
        if (!pending.isEmpty()) {
            return Decision.of(Records.with(state, next -> next.setConsents(consents)), recorded);
        }
        return Decision.of(closed(state, TransferStatus.COMPLETED, consents, now), recorded,
                TransferCompleted.newBuilder().setMeta(meta(cause, "TransferCompleted", transferId))
                        .setDetails(details).build(),
                EntitlementMoved.newBuilder()
                        .setMeta(meta(cause, "EntitlementMoved", transferId))
                        .setEntitlementId(details.getEntitlementId())
                        .setOfferId(details.getOfferId())
                        .setIsvId(details.getIsvId())
                        .setFromBillingAccountId(details.getFromBillingAccountId())
                        .setToBillingAccountId(details.getToBillingAccountId())
                        .setFromResellerId(details.getFromResellerId())
                        .setToResellerId(details.getToResellerId())
                        .setTransferId(transferId)
                        .build());
    }

    /** T8: remind the parties still pending, or expire the transfer; nothing when nothing is due. */
    @Override
    public Decision<TransferState> deadlines(TransferState state, Facts facts, EventMeta cause, Instant now) {
        if (!open(state)) {
            return Decision.nothing();
        }
        String transferId = state.getTransferId();
        TransferDetails details = state.getDetails();
        if (!now.isBefore(state.getExpiresAt())) {
            return Decision.of(closed(state, TransferStatus.EXPIRED, state.getConsents(), now),
                    TransferExpired.newBuilder()
                            .setMeta(meta(cause, "TransferExpired", transferId))
                            .setTransferId(transferId)
                            .setEntitlementId(details != null ? details.getEntitlementId()
                                    : state.getRequest().getEntitlementId())
                            .setDetails(details)
                            .setContact(details != null ? details.getContact() : contactOf(state.getRequest()))
                            .setPending(details != null ? pending(details, state.getConsents()) : List.of())
                            .build());
        }
        if (state.getRemindAt() != null && !now.isBefore(state.getRemindAt())) {
            return Decision.of(Records.with(state, next -> next.setRemindAt(null)),
                    TransferReminded.newBuilder()
                            .setMeta(meta(cause, "TransferReminded", transferId))
                            .setDetails(details)
                            .setPending(pending(details, state.getConsents()))
                            .setExpiresAt(state.getExpiresAt())
                            .build());
        }
        return Decision.nothing();
    }

    private static List<Party> pending(TransferDetails details, List<Consent> consents) {
        return details.getParties().stream()
                .filter(p -> consents.stream().noneMatch(c -> c.getRole() == p.getRole())).toList();
    }

    private static TransferState closed(TransferState state, TransferStatus status, List<Consent> consents,
            Instant now) {
        return Records.with(state, next -> {
            next.setStatus(status);
            next.setConsents(consents);
            next.setRemindAt(null);
            next.setClosedAt(now);
        });
    }

    private static TransferRequested merge(TransferRequested request, TransferDetailsSupplied supplied) {
        return TransferRequested.newBuilder(request)
                .setCustomerCompanyName(either(supplied.getCustomerCompanyName(), request.getCustomerCompanyName()))
                .setEntitlementId(either(supplied.getEntitlementId(), request.getEntitlementId()))
                .setOfferId(either(supplied.getOfferId(), request.getOfferId()))
                .setCurrentBillingAccountId(either(supplied.getCurrentBillingAccountId(),
                        request.getCurrentBillingAccountId()))
                .setTargetBillingAccountId(either(supplied.getTargetBillingAccountId(),
                        request.getTargetBillingAccountId()))
                .setContactName(either(supplied.getContactName(), request.getContactName()))
                .setContactEmail(either(supplied.getContactEmail(), request.getContactEmail()))
                .setKind(supplied.getKind() != null ? supplied.getKind() : request.getKind())
                .build();
    }

    private Decision<TransferState> refuseFollowUp(TransferDetailsSupplied supplied, RefusalCode code, String message) {
        return Decision.only(TransferRefused.newBuilder()
                .setMeta(meta(supplied.getMeta(), "TransferRefused", supplied.getTransferId()))
                .setTransferId(supplied.getTransferId())
                .setEntitlementId(supplied.getEntitlementId())
                .setContact(contactOf(supplied.getContactName(), supplied.getContactEmail()))
                .setCode(code.name())
                .setMessage(message)
                .build());
    }

    private static Decision<TransferState> refuseConsent(TransferConsentSubmitted consent, RefusalCode code, String message) {
        return Decision.only(TransferConsentRefused.newBuilder()
                .setMeta(meta(consent.getMeta(), "TransferConsentRefused", consent.getTransferId()))
                .setTransferId(consent.getTransferId())
                .setEntitlementId(consent.getEntitlementId())
                .setRole(consent.getRole())
                .setPartyId(consent.getPartyId())
                .setCode(code.name())
                .setMessage(message)
                .build());
    }

    /** Ids derive from the cause and the transfer: one tick can fire the deadlines of many transfers. */
    private static EventMeta meta(EventMeta cause, String kind, String transferId) {
        return EventIds.causedBy(cause, kind + "/" + transferId, 0, PRODUCER);
    }

    private static Contact contactOf(TransferRequested request) {
        return contactOf(request.getContactName(), request.getContactEmail());
    }

    private static Contact contactOf(String name, String email) {
        return email == null || email.isBlank() ? null : new Contact(nonNull(name), email);
    }

    private static String either(String supplied, String earlier) {
        return supplied != null && !supplied.isBlank() ? supplied : earlier;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
