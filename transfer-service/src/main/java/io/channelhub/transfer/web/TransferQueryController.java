package io.channelhub.transfer.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RestController;

/**
 * T9: the state of a transfer over HTTP, from whichever instance is asked. By entitlement, Streams' metadata says
 * which instance holds it; by transfer id, nothing does (the index is partitioned by entitlement), so the other
 * instances are asked in turn.
 */
@RestController
@RequestMapping("/transfers")
class TransferQueryController {

    private final TransferLocator locator;
    private final PeerForwarder forwarder;

    TransferQueryController(TransferLocator locator, PeerForwarder forwarder) {
        this.locator = locator;
        this.forwarder = forwarder;
    }

    @GetMapping
    ResponseEntity<?> byEntitlement(@RequestParam String entitlementId, HttpServletRequest request) {
        TransferLocator.Location location = locator.locate(entitlementId, PeerForwarder.isForwarded(request));
        if (location instanceof TransferLocator.Elsewhere elsewhere) {
            return forwarder.relay(elsewhere.host(), request, entitlementId);
        }
        TransferLocator.Here here = (TransferLocator.Here) location;
        if (here.state() == null) {
            throw Problems.notFound("No transfer is known for entitlement " + entitlementId + ".");
        }
        return ResponseEntity.ok(TransferView.of(entitlementId, here.state()));
    }

    @GetMapping("/{transferId}")
    ResponseEntity<?> byTransferId(@PathVariable String transferId, HttpServletRequest request) {
        Optional<TransferLocator.Here> here = locator.findLocally(transferId);
        if (here.isPresent()) {
            return ResponseEntity.ok(viewOf(transferId, here.get()));
        }
        if (PeerForwarder.isForwarded(request)) {
            throw unknown(transferId);
        }
        return askOtherInstances(transferId, request);
    }

    /** The first instance that knows the transfer answers; if one could not answer, "unknown" would be a guess. */
    private ResponseEntity<byte[]> askOtherInstances(String transferId, HttpServletRequest request) {
        List<String> silent = new ArrayList<>();
        for (HostInfo peer : locator.otherInstances()) {
            Optional<ResponseEntity<byte[]>> answer = forwarder.ask(peer, request);
            if (answer.isPresent() && answer.get().getStatusCode().is2xxSuccessful()) {
                return answer.get();
            }
            if (answer.isEmpty() || answer.get().getStatusCode().is5xxServerError()) {
                silent.add(PeerForwarder.endpoint(peer));
            }
        }
        if (!silent.isEmpty()) {
            throw Problems.instancesUnreachable("Transfer " + transferId + " is not on this instance, and other "
                    + "instances of transfer-service that may keep it (" + String.join(", ", silent)
                    + ") cannot be reached right now.", silent);
        }
        throw unknown(transferId);
    }

    // Only an entitlement's latest transfer is kept: an earlier one is known by id but its state is gone.
    private static TransferView viewOf(String transferId, TransferLocator.Here here) {
        if (here.state() == null || !here.state().getTransferId().equals(transferId)) {
            throw Problems.notFound("Transfer " + transferId + " of entitlement " + here.entitlementId()
                    + " was followed by a later transfer; only the latest transfer of an entitlement is kept.");
        }
        return TransferView.of(here.entitlementId(), here.state());
    }

    private static ErrorResponseException unknown(String transferId) {
        return Problems.notFound("No transfer " + transferId + " is known.");
    }
}
