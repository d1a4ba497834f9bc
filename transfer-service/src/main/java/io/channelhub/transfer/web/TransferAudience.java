package io.channelhub.transfer.web;

import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.directory.DirectoryView;
import io.channelhub.platform.security.Party;
import io.channelhub.platform.security.PartyKind;
import io.channelhub.platform.web.StoreLocator;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferRequested;
import io.channelhub.transfer.state.TransferState;
import io.channelhub.transfer.stream.TransferTopology;
import java.util.HashSet;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;

/**
 * Who may see a transfer (issue 10): the ISV whose entitlement moves, the customer, and the resellers on either
 * side, each as its kind of party (issue 18: a reseller whose id equals the customer's is not the customer). Once the transfer opened, its details name them all; before (a request waiting for information) they
 * come from the entitlement and the directory, as far as the request names them.
 */
@Component
class TransferAudience {

    private final StoreLocator stores;

    TransferAudience(StoreLocator stores) {
        this.stores = stores;
    }

    /** The parties, kind and id, on the instance that holds the transfer. */
    Set<Party> of(String entitlementId, TransferState state) {
        Set<Party> parties = new HashSet<>();
        TransferDetails details = state.getDetails();
        if (details != null) {
            add(parties, PartyKind.ISV, details.getIsvId());
            add(parties, PartyKind.RESELLER, details.getFromResellerId());
            add(parties, PartyKind.RESELLER, details.getToResellerId());
            details.getParties().forEach(p -> add(parties, kind(p.getRole()), p.getPartyId()));
        } else {
            SpecificRecord entitlement = stores.<SpecificRecord>local(TransferTopology.ENTITLEMENTS_STORE)
                    .get(entitlementId);
            if (entitlement instanceof EntitlementActivated active) {
                add(parties, PartyKind.ISV, active.getIsvId());
            }
            Directory directory = new DirectoryView(stores.local(TransferTopology.DIRECTORY_STORE));
            TransferRequested request = state.getRequest();
            for (String account : new String[] {request.getCurrentBillingAccountId(),
                    request.getTargetBillingAccountId()}) {
                if (account != null) {
                    directory.account(account).ifPresent(a -> {
                        add(parties, PartyKind.CUSTOMER, a.customerId());
                        add(parties, PartyKind.RESELLER, a.resellerId());
                    });
                }
            }
        }
        return parties;
    }

    /** The kind of party a role on a transfer is. */
    static PartyKind kind(PartyRole role) {
        return switch (role) {
            case CUSTOMER -> PartyKind.CUSTOMER;
            case ISV -> PartyKind.ISV;
            case CURRENT_RESELLER, TARGET_RESELLER -> PartyKind.RESELLER;
        };
    }

    /** A direct account has no reseller: nobody to add. */
    private static void add(Set<Party> parties, PartyKind kind, String id) {
        if (id != null) {
            parties.add(new Party(kind, id));
        }
    }
}
