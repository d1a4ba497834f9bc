package io.channelhub.transfer.web;

import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.Problem;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferRequested;
import io.channelhub.transfer.state.Consent;
import io.channelhub.transfer.state.TransferState;
import io.channelhub.transfer.state.TransferStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * T9: what anyone may learn about a transfer without reading Kafka: who approved, who is still pending, why it
 * waits, for the transfer's parties and operators. No e-mail addresses: the parties are organisations, and each
 * sees the others.
 *
 * @param pending   parties that have not decided (for a closed transfer: those who never answered)
 * @param waitingFor what the transfer waits for, in words; null once it is closed
 */
public record TransferView(String transferId, String status, String kind, String customerCompanyName,
        String entitlementId, String offerId, String fromBillingAccountId, String toBillingAccountId,
        String fromResellerId, String toResellerId, List<PartyView> parties, List<String> approved,
        List<String> pending, String waitingFor, List<ProblemView> problems, Instant since, Instant openedAt,
        Instant remindAt, Instant expiresAt, Instant closedAt) {

    /** A party whose consent is needed; {@code decision} APPROVE, REJECT, or null while it has not answered. */
    public record PartyView(String role, String partyId, String name, String decision, Instant decidedAt) {
    }

    /** Something missing or wrong in a request waiting for information (T3). */
    public record ProblemView(String field, String code, String message) {
    }

    /**
     * @param entitlementId the store key: a request waiting for information may lack its own entitlement id
     */
    static TransferView of(String entitlementId, TransferState state) {
        TransferDetails details = state.getDetails();
        TransferRequested request = state.getRequest();
        List<PartyView> parties = details == null ? List.of()
                : details.getParties().stream().map(p -> party(p, state.getConsents())).toList();
        List<String> approved = parties.stream().filter(p -> "APPROVE".equals(p.decision())).map(PartyView::role)
                .toList();
        List<String> pending = parties.stream().filter(p -> p.decision() == null).map(PartyView::role).toList();
        List<ProblemView> problems = state.getProblems().stream()
                .map(p -> new ProblemView(p.getField(), p.getCode(), p.getMessage())).toList();
        // before the transfer opens there are no details yet: show the request as it stands
        String kind = details != null ? details.getKind().name()
                : Optional.ofNullable(request.getKind()).map(Enum::name).orElse(null);
        return new TransferView(state.getTransferId(), state.getStatus().name(), kind,
                details != null ? details.getCustomerCompanyName() : request.getCustomerCompanyName(),
                details != null ? details.getEntitlementId() : entitlementId,
                details != null ? details.getOfferId() : request.getOfferId(),
                details != null ? details.getFromBillingAccountId() : request.getCurrentBillingAccountId(),
                details != null ? details.getToBillingAccountId() : request.getTargetBillingAccountId(),
                details != null ? details.getFromResellerId() : null,
                details != null ? details.getToResellerId() : null,
                parties, approved, pending, waitingFor(state.getStatus(), pending, state.getProblems()), problems,
                state.getSince(), state.getOpenedAt(), state.getRemindAt(), state.getExpiresAt(),
                state.getClosedAt());
    }

    private static PartyView party(Party party, List<Consent> consents) {
        Optional<Consent> consent = consents.stream().filter(c -> c.getRole() == party.getRole()).findFirst();
        return new PartyView(party.getRole().name(), party.getPartyId(), party.getName(),
                consent.map(c -> c.getDecision().name()).orElse(null), consent.map(Consent::getAt).orElse(null));
    }

    private static String waitingFor(TransferStatus status, List<String> pending, List<Problem> problems) {
        return switch (status) {
            case AWAITING_CONSENT -> "consent of " + String.join(", ", pending);
            case INFO_REQUESTED -> "information: " + problems.stream().map(Problem::getMessage)
                    .collect(Collectors.joining("; "));
            default -> null;
        };
    }
}
