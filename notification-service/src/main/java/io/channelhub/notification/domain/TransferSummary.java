package io.channelhub.notification.domain;

import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferKind;
import java.util.List;

/**
 * What every transfer e-mail shows about the transfer (T4), in the words the templates print: kind, customer,
 * entitlement, offer, both billing accounts, both resellers, and the parties. Built in one place for every
 * template, so no e-mail shows less than another; there are no prices or discounts in it (N3).
 */
public record TransferSummary(String transferId, String kind, String customer, String entitlementId, String offerId,
        String fromBillingAccount, String toBillingAccount, String fromReseller, String toReseller,
        List<String> parties) {

    public TransferSummary {
        parties = List.copyOf(parties);
    }

    static TransferSummary of(TransferDetails details) {
        return new TransferSummary(details.getTransferId(), kind(details.getKind()),
                details.getCustomerCompanyName(), details.getEntitlementId(), details.getOfferId(),
                details.getFromBillingAccountId(), details.getToBillingAccountId(),
                reseller(details.getFromResellerId()), reseller(details.getToResellerId()),
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

    private static String reseller(String resellerId) {
        return resellerId == null ? "none (direct)" : resellerId;
    }
}
