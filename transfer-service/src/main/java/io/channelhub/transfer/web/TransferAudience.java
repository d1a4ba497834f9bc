package io.channelhub.transfer.web;

import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.directory.DirectoryView;
import io.channelhub.platform.web.StoreLocator;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferRequested;
import io.channelhub.transfer.state.TransferState;
import io.channelhub.transfer.stream.TransferTopology;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Who may see a transfer (issue 10): the ISV whose entitlement moves, the customer, and the resellers on either
 * side. Once the transfer opened, its details name them all; before (a request waiting for information) they
 * come from the entitlement and the directory, as far as the request names them.
 */
@Component
class TransferAudience {

    private final StoreLocator stores;

    TransferAudience(StoreLocator stores) {
        this.stores = stores;
    }

    /** The party ids, on the instance that holds the transfer. */
    Set<String> of(String entitlementId, TransferState state) {
        Set<String> parties = new HashSet<>();
        TransferDetails details = state.getDetails();
        if (details != null) {
            parties.add(details.getIsvId());
            parties.add(details.getFromResellerId());
            parties.add(details.getToResellerId());
            details.getParties().stream().map(Party::getPartyId).forEach(parties::add);
        } else {
            SpecificRecord entitlement = stores.<SpecificRecord>local(TransferTopology.ENTITLEMENTS_STORE)
                    .get(entitlementId);
            if (entitlement instanceof EntitlementActivated active) {
                parties.add(active.getIsvId());
            }
            Directory directory = new DirectoryView(stores.local(TransferTopology.DIRECTORY_STORE));
            TransferRequested request = state.getRequest();
            for (String account : new String[] {request.getCurrentBillingAccountId(),
                    request.getTargetBillingAccountId()}) {
                if (account != null) {
                    directory.account(account).ifPresent(a -> {
                        parties.add(a.customerId());
                        parties.add(a.resellerId());
                    });
                }
            }
        }
        parties.removeIf(Objects::isNull);
        return parties;
    }
}
