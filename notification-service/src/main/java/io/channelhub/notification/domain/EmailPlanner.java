package io.channelhub.notification.domain;

import io.channelhub.platform.ids.EventIds;
import io.channelhub.schemas.Events;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferOpened;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Which e-mails an outcome event promises (T3, T4), as plain data for the renderer. Pure. */
public final class EmailPlanner {

    public static final String CONSENT_REQUEST = "transfer-consent-request";
    public static final String INFO_REQUESTED = "transfer-info-requested";

    private EmailPlanner() {
    }

    public static List<PlannedEmail> plan(SpecificRecord event) {
        if (event instanceof TransferOpened opened) {
            return consentRequests(opened);
        }
        if (event instanceof TransferInfoRequested info && info.getContact() != null) {
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", info.getContact().getName());
            model.put("transferId", info.getTransferId());
            model.put("entitlementId", info.getEntitlementId() == null ? "(not given)" : info.getEntitlementId());
            model.put("problems", info.getProblems().stream().map(p -> p.getMessage()).toList());
            return List.of(new PlannedEmail(messageId(event, INFO_REQUESTED, 0), INFO_REQUESTED,
                    info.getContact().getEmail(), info.getContact().getName(),
                    "More information needed to transfer entitlement " + model.get("entitlementId"), model, false));
        }
        return List.of();
    }

    /** T4: one e-mail per party, each with the full transfer details. */
    private static List<PlannedEmail> consentRequests(TransferOpened opened) {
        List<PlannedEmail> emails = new ArrayList<>();
        for (int i = 0; i < opened.getParties().size(); i++) {
            Party party = opened.getParties().get(i);
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("name", party.getName());
            model.put("role", roleLabel(party.getRole()));
            model.put("transferId", opened.getTransferId());
            model.put("kind", kindLabel(opened.getKind()));
            model.put("company", opened.getCustomerCompanyName());
            model.put("entitlementId", opened.getEntitlementId());
            model.put("offerId", opened.getOfferId());
            model.put("fromBillingAccount", opened.getFromBillingAccountId());
            model.put("toBillingAccount", opened.getToBillingAccountId());
            model.put("fromReseller", resellerLabel(opened.getFromResellerId()));
            model.put("toReseller", resellerLabel(opened.getToResellerId()));
            model.put("parties", opened.getParties().stream().map(p -> roleLabel(p.getRole()) + ": " + p.getName())
                    .toList());
            emails.add(new PlannedEmail(messageId(opened, CONSENT_REQUEST, i), CONSENT_REQUEST, party.getEmail(),
                    party.getName(), "Your consent is needed: transfer of entitlement " + opened.getEntitlementId(),
                    model, party.getRole() == PartyRole.CUSTOMER));
        }
        return emails;
    }

    /** RFC 5322 Message-ID derived from the causing event, the template and the recipient's position. */
    static String messageId(SpecificRecord cause, String template, int index) {
        return "<" + EventIds.derive(Events.eventId(cause), template, index) + "@channelhub>";
    }

    static String kindLabel(TransferKind kind) {
        return switch (kind) {
            case CHANGE_BILLING_ACCOUNT -> "Change of billing account";
            case RESELLER_TO_DIRECT -> "From reseller to direct";
            case DIRECT_TO_RESELLER -> "From direct to reseller";
            case CHANGE_RESELLER -> "Change of reseller";
        };
    }

    private static String roleLabel(PartyRole role) {
        return switch (role) {
            case CUSTOMER -> "customer";
            case ISV -> "ISV";
            case CURRENT_RESELLER -> "current reseller";
            case TARGET_RESELLER -> "new reseller";
        };
    }

    private static String resellerLabel(String resellerId) {
        return resellerId == null ? "none (direct)" : resellerId;
    }
}
