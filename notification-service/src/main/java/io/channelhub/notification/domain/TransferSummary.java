package io.channelhub.notification.domain;

import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferKind;
import java.util.List;

/**
 * What every transfer e-mail shows about the transfer (T4), in the words the templates print: kind, customer, ISV,
 * product and offer, both billing accounts, both resellers, and the parties. Built in one place for every
 * template, so no e-mail shows less than another; there are no prices or discounts in it (N3). Things are shown
 * by name (issue 23): the ISV and the resellers by their consenting party's name, the product, the offer and the
 * accounts by the names transfer-service found in the directory; what has no name there is shown by its id. The
 * ids themselves ({@code entitlementId} ... {@code toBillingAccountId}) are for the small reference line.
 *
 * @param what the transferred thing in a sentence: "Globex Analytics (Analytics Pro)", else "entitlement E-1"
 * @param product the product's name, or null when the offer is not listed
 */
public record TransferSummary(String transferId, String kind, String customer, String isv, String what,
        String product, String offer, String fromBillingAccount, String toBillingAccount, String fromReseller,
        String toReseller, List<String> parties, String entitlementId, String offerId, String fromBillingAccountId,
        String toBillingAccountId) {

    public TransferSummary {
        parties = List.copyOf(parties);
    }

    static TransferSummary of(TransferDetails details) {
        return new TransferSummary(details.getTransferId(), kind(details.getKind()),
                details.getCustomerCompanyName(), name(details, PartyRole.ISV, details.getIsvId()),
                what(details), details.getProductName(),
                orId(details.getOfferName(), details.getOfferId()),
                orId(details.getFromBillingAccountName(), details.getFromBillingAccountId()),
                orId(details.getToBillingAccountName(), details.getToBillingAccountId()),
                reseller(details, PartyRole.CURRENT_RESELLER, details.getFromResellerId()),
                reseller(details, PartyRole.TARGET_RESELLER, details.getToResellerId()),
                details.getParties().stream().map(TransferSummary::party).toList(), details.getEntitlementId(),
                details.getOfferId(), details.getFromBillingAccountId(), details.getToBillingAccountId());
    }

    /** The transferred thing as a sentence names it, when all that is known is its entitlement's id. */
    static String what(String entitlementId) {
        return "entitlement " + entitlementId;
    }

    private static String what(TransferDetails details) {
        return details.getProductName() == null ? what(details.getEntitlementId())
                : details.getProductName() + " (" + orId(details.getOfferName(), details.getOfferId()) + ")";
    }

    private static String orId(String name, String id) {
        return name == null ? id : name;
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
