package io.channelhub.transfer.web;

import io.channelhub.platform.web.Problems;

import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.platform.approvals.ApprovalTokens.Claim;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.stream.TransferMetrics;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** T5 at the edge: a link that is not genuine and current is refused, counted, and goes no further. */
@Component
class ApprovalLinkVerifier {

    private final ApprovalTokens tokens;
    private final TransferMetrics metrics;
    private final Clock clock;

    ApprovalLinkVerifier(ApprovalTokens tokens, TransferMetrics metrics, Clock clock) {
        this.tokens = tokens;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** @throws ErrorResponseException MALFORMED 400, FORGED 403, EXPIRED 410 */
    ApprovalLink verify(String token) {
        ApprovalTokens.Verification verification = tokens.verify(token, clock.instant());
        if (verification instanceof ApprovalTokens.Invalid invalid) {
            throw refused(invalid.reason());
        }
        Claim claim = ((ApprovalTokens.Valid) verification).claim();
        try {
            return new ApprovalLink(token, claim.subjectId(), claim.key(),
                    PartyRole.valueOf(claim.role()), claim.partyId(), ConsentDecision.valueOf(claim.decision()));
        } catch (IllegalArgumentException e) {
            // genuinely signed, but naming a role or decision this service does not know: unusable as sent
            throw refused("MALFORMED");
        }
    }

    private ErrorResponseException refused(String reason) {
        metrics.refusedToken(reason);
        return Problems.decisionLink(reason, "the transfer");
    }
}
