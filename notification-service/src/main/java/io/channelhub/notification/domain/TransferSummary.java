package io.channelhub.notification.domain;

import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferKind;
import java.util.List;

/**
 * What every transfer e-mail shows about the transfer (T4), in the words the templates print: kind, customer, ISV,
 * entitlement, offer, both billing accounts, both resellers, and the parties. Built in one place for every
 * template, so no e-mail shows less than another; there are no prices or discounts in it (N3). The ISV and the
 * resellers are shown by the names their consenting party carries; the event has no name for the offer, the
 * entitlement or the billing accounts, so those stay ids.
 */
public record TransferSummary(String transferId, String kind, String customer, String isv, String entitlementId,
        String offerId, String fromBillingAccount, String toBillingAccount, String fromReseller, String toReseller,
        List<String> parties) {

    public TransferSummary {
        parties = List.copyOf(parties);
    }

    static TransferSummary of(TransferDetails details) {
        return new TransferSummary(details.getTransferId(), kind(details.getKind()),
                details.getCustomerCompanyName(), name(details, PartyRole.ISV, details.getIsvId()),
                details.getEntitlementId(), details.getOfferId(),
                details.getFromBillingAccountId(), details.getToBillingAccountId(),
                reseller(details, PartyRole.CURRENT_RESELLER, details.getFromResellerId()),
                reseller(details, PartyRole.TARGET_RESELLER, details.getToResellerId()),
                details.getParties().stream().map(TransferSummary::party).toList());
    }

    static String kind(TransferKind kind) {
        return switch (kind) {
            case CHANGE_BILLING_ACCOUNT -> "Change of billing account";
            case RESELLER_TO_DIRECT -> "From reseller to direct";
            case DIRECT_TO_RESELLER -> "From direct to reseller";
            case CHANGE_RESELLER -> "Change of reseller";
        };
    }

    static String role(PartyRole role) {
        return switch (role) {
            case CUSTOMER -> "customer";
            case ISV -> "ISV";
            case CURRENT_RESELLER -> "current reseller";
            case TARGET_RESELLER -> "new reseller";
        };
    }

    /** A party as a sentence names it: "Vendor (ISV)". */
    static String party(Party party) {
        return party.getName() + " (" + role(party.getRole()) + ")";
    }

    private static String reseller(TransferDetails details, PartyRole role, String resellerId) {
        return resellerId == null ? "none (direct)" : name(details, role, resellerId);
    }

    /** The name of the party in that role; its id only if the details list no such party. */
    private static String name(TransferDetails details, PartyRole role, String id) {
        return details.getParties().stream().filter(party -> party.getRole() == role).map(Party::getName)
                .findFirst().orElse(id);
    }
}
