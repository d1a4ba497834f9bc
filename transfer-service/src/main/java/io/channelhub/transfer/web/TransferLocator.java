package io.channelhub.transfer.web;

import io.channelhub.platform.web.StoreLocator;
import io.channelhub.transfer.state.TransferState;
import io.channelhub.transfer.stream.TransferTopology;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * T9 over the transfer stores: an entitlement's latest transfer by its key, and a transfer by id through the id
 * index. The index and the transfer it points to are written by the same task, so where one is, the other is too.
 */
@Component
class TransferLocator {

    private final StoreLocator stores;

    TransferLocator(StoreLocator stores) {
        this.stores = stores;
    }

    /** The entitlement's transfer, here (null state: never had one), or the instance that holds it. */
    StoreLocator.Location<TransferState> locate(String entitlementId, boolean forwarded) {
        return stores.locate(TransferTopology.TRANSFERS_STORE, entitlementId, forwarded);
    }

    /** A transfer by id among the partitions this instance holds. */
    Optional<StoreLocator.Here<TransferState>> findLocally(String transferId) {
        String entitlementId = stores.<String>local(TransferTopology.TRANSFER_IDS_STORE).get(transferId);
        if (entitlementId == null) {
            return Optional.empty();
        }
        TransferState state = stores.<TransferState>local(TransferTopology.TRANSFERS_STORE).get(entitlementId);
        return Optional.of(new StoreLocator.Here<>(entitlementId, state));
    }
}
