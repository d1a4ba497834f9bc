package io.channelhub.transfer.web;

import io.channelhub.platform.web.DecisionPages;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.Problems;
import io.channelhub.platform.web.StoreLocator;

import io.channelhub.transfer.domain.TransferDecider;
import io.channelhub.transfer.state.TransferState;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approval links parties receive by e-mail (T4, T5, D-16). GET only shows what the link will do, or why it
 * can no longer do anything: mail scanners prefetch links, and a prefetch must never decide anything. POST records
 * the decision as a command.
 */
@RestController
@RequestMapping("/approvals/{token}")
class ApprovalController {

    /** The 202 answer to a submitted decision. */
    record Submitted(String transferId, String entitlementId, String role, String decision, String status) {
    }

    private final ApprovalLinkVerifier verifier;
    private final TransferLocator locator;
    private final PeerForwarder forwarder;
    private final ConsentPublisher publisher;

    ApprovalController(ApprovalLinkVerifier verifier, TransferLocator locator, PeerForwarder forwarder,
            ConsentPublisher publisher) {
        this.verifier = verifier;
        this.locator = locator;
        this.forwarder = forwarder;
        this.publisher = publisher;
    }

    /** The confirmation page; a link that can no longer decide anything says so instead (docs/security.md). */
    @GetMapping
    ResponseEntity<?> confirm(@PathVariable String token, HttpServletRequest request) {
        return DecisionPages.answer(request, () -> {
            ApprovalLink link = verifier.verify(token);
            return forwarder.answer(locate(link, request), request, what(link), state -> {
                checkStillUndecided(link, state);
                return DecisionPages.respond(HttpStatus.OK, ApprovalPages.confirmation(link));
            });
        });
    }

    @PostMapping
    ResponseEntity<?> submit(@PathVariable String token, HttpServletRequest request) {
        return DecisionPages.answer(request, () -> {
            ApprovalLink link = verifier.verify(token);
            return forwarder.answer(locate(link, request), request, what(link), state -> {
                checkStillUndecided(link, state);
                publisher.publish(link);
                if (!DecisionPages.wantsJson(request)) {
                    return DecisionPages.respond(HttpStatus.ACCEPTED, ApprovalPages.submitted(link));
                }
                return ResponseEntity.accepted().body(new Submitted(link.transferId(), link.entitlementId(),
                        link.role().name(), link.decision().name(), "submitted"));
            });
        });
    }

    private StoreLocator.Location<TransferState> locate(ApprovalLink link, HttpServletRequest request) {
        return locator.locate(link.entitlementId(), PeerForwarder.isForwarded(request));
    }

    private static String what(ApprovalLink link) {
        return "the transfer state of entitlement " + link.entitlementId();
    }

    /**
     * Answers what the topology would otherwise decide silently, so the person at the link learns it now. The
     * topology still decides: two posts racing past this check carry the same command id and count once.
     */
    private static void checkStillUndecided(ApprovalLink link, TransferState state) {
        if (state == null) {
            throw Problems.notFound("UNKNOWN_TRANSFER", "Transfer not found", "There is no transfer for entitlement "
                    + link.entitlementId() + ".");
        }
        if (!state.getTransferId().equals(link.transferId())) {
            // a signed link proves the transfer was opened; an entitlement moves on only once its transfer ended
            throw Problems.conflict("TRANSFER_CLOSED", "Transfer closed", "Transfer " + link.transferId()
                    + " has ended; entitlement " + link.entitlementId() + " has a later transfer.");
        }
        if (!TransferDecider.open(state)) {
            throw Problems.conflict("TRANSFER_CLOSED", "Transfer closed", "Transfer " + link.transferId()
                    + " is already " + state.getStatus() + "; nothing more can be decided.");
        }
        state.getConsents().stream().filter(c -> c.getRole() == link.role()).findFirst().ifPresent(c -> {
            throw Problems.conflict("ALREADY_DECIDED", "Decision already recorded", "The decision of the "
                    + link.role() + " (" + c.getDecision() + ") on transfer " + link.transferId()
                    + " is already recorded; it stands and this link changes nothing.");
        });
    }
}
