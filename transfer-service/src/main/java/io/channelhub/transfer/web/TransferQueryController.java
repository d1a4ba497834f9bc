package io.channelhub.transfer.web;

import io.channelhub.platform.security.Caller;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.Problems;
import io.channelhub.platform.web.StoreLocator;
import io.channelhub.transfer.state.TransferState;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
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
 * instances are asked in turn. Only the transfer's parties and operators see it; to anyone else it does not exist
 * (404, as for an unknown one: ids must not be probed).
 */
@RestController
@RequestMapping("/transfers")
class TransferQueryController {

    private final TransferLocator locator;
    private final StoreLocator stores;
    private final PeerForwarder forwarder;
    private final TransferAudience audience;

    TransferQueryController(TransferLocator locator, StoreLocator stores, PeerForwarder forwarder,
            TransferAudience audience) {
        this.locator = locator;
        this.stores = stores;
        this.forwarder = forwarder;
        this.audience = audience;
    }

    @GetMapping
    ResponseEntity<?> byEntitlement(@RequestParam String entitlementId, Caller caller, HttpServletRequest request) {
        StoreLocator.Location<TransferState> location = locator.locate(entitlementId,
                PeerForwarder.isForwarded(request));
        return forwarder.answer(location, request, "the transfer state of entitlement " + entitlementId, state -> {
            if (state == null || !caller.mayRead(audience.of(entitlementId, state))) {
                throw notFound("No transfer is known for entitlement " + entitlementId + ".");
            }
            return ResponseEntity.ok(TransferView.of(entitlementId, state));
        });
    }

    @GetMapping("/{transferId}")
    ResponseEntity<?> byTransferId(@PathVariable String transferId, Caller caller, HttpServletRequest request) {
        Optional<StoreLocator.Here<TransferState>> here = locator.findLocally(transferId);
        if (here.isPresent()) {
            if (here.get().value() != null
                    && !caller.mayRead(audience.of(here.get().key(), here.get().value()))) {
                throw unknown(transferId);
            }
            return ResponseEntity.ok(viewOf(transferId, here.get()));
        }
        if (PeerForwarder.isForwarded(request)) {
            throw unknown(transferId);
        }
        return askOtherInstances(transferId, request);
    }

    /** The first instance that knows the transfer answers; if one could not answer, "unknown" would be a guess. */
    private ResponseEntity<byte[]> askOtherInstances(String transferId, HttpServletRequest request) {
        return forwarder.firstAnswer(stores.otherInstances(), request, "transfer " + transferId)
                .orElseThrow(() -> unknown(transferId));
    }

    // Only an entitlement's latest transfer is kept: an earlier one is known by id but its state is gone.
    private static TransferView viewOf(String transferId, StoreLocator.Here<TransferState> here) {
        if (here.value() == null || !here.value().getTransferId().equals(transferId)) {
            throw notFound("Transfer " + transferId + " of entitlement " + here.key()
                    + " was followed by a later transfer; only the latest transfer of an entitlement is kept.");
        }
        return TransferView.of(here.key(), here.value());
    }

    private static ErrorResponseException unknown(String transferId) {
        return notFound("No transfer " + transferId + " is known.");
    }

    private static ErrorResponseException notFound(String detail) {
        return Problems.notFound("UNKNOWN_TRANSFER", "Transfer not found", detail);
    }
}
