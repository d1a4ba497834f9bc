package io.channelhub.notification.email;

import io.channelhub.notification.domain.ApprovalLinks;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.TransferDetails;
import java.time.Instant;

/** Approval links to transfer-service's endpoint, each with a token only this deployment's key can make. */
public final class SignedApprovalLinks implements ApprovalLinks {

    private final ApprovalTokens tokens;
    private final String baseUrl;

    public SignedApprovalLinks(ApprovalTokens tokens, String baseUrl) {
        this.tokens = tokens;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public String link(TransferDetails transfer, Party party, ConsentDecision decision, Instant expiresAt) {
        return baseUrl + "/approvals/" + tokens.sign(new ApprovalTokens.Claim(transfer.getTransferId(),
                transfer.getEntitlementId(), party.getRole().name(), party.getPartyId(), decision.name(), expiresAt));
    }
}
