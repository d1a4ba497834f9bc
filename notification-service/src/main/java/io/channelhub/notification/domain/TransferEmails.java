package io.channelhub.notification.domain;

import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.Contact;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.Problem;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferExpired;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRefused;
import io.channelhub.transfer.event.TransferRejected;
import io.channelhub.transfer.event.TransferReminded;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which e-mails a transfer outcome promises (T3–T8). Approval links come from the given {@link ApprovalLinks}.
 * Consent bookkeeping ({@code TransferConsentRecorded}, {@code TransferConsentRefused}) promises no e-mail.
 */
public final class TransferEmails {

    public static final String CONSENT_REQUEST = "transfer-consent-request";
    public static final String REMINDER = "transfer-reminder";
    public static final String INFO_REQUESTED = "transfer-info-requested";
    public static final String REFUSED = "transfer-refused";
    public static final String REJECTED = "transfer-rejected";
    public static final String EXPIRED = "transfer-expired";
    public static final String COMPLETED = "transfer-completed";
    public static final String COMPLETED_ISV = "transfer-completed-isv";

    /**
     * Each subject is followed by what is transferred, by name where the directory has one and for whom (issue 23),
     * else by the entitlement id: the e-mails about one transfer read alike.
     */
    private static final Map<String, String> SUBJECTS = Map.of(
            CONSENT_REQUEST, "Your consent is needed to transfer",
            REMINDER, "Reminder: your consent is still needed to transfer",
            INFO_REQUESTED, "More information needed to transfer",
            REFUSED, "Transfer request not accepted:",
            REJECTED, "Transfer rejected:",
            EXPIRED, "Transfer expired:",
            COMPLETED, "Transfer confirmed:",
            COMPLETED_ISV, "Transfer completed:");

    private static final String NOT_GIVEN = "(not given)";

    private final ApprovalLinks links;

    TransferEmails(ApprovalLinks links) {
        this.links = links;
    }

    void plan(SpecificRecord event, Emails emails) {
        if (event instanceof TransferOpened opened) {
            askForConsent(emails, CONSENT_REQUEST, opened.getDetails(), opened.getDetails().getParties(),
                    opened.getExpiresAt());
        } else if (event instanceof TransferReminded reminded) {
            askForConsent(emails, REMINDER, reminded.getDetails(), reminded.getPending(), reminded.getExpiresAt());
        } else if (event instanceof TransferCompleted completed) {
            confirm(emails, completed);
        } else if (event instanceof TransferRejected rejected) {
            Map<String, Object> model = model(rejected.getDetails());
            model.put("rejectedBy", TransferSummary.party(rejected.getRejectedBy()));
            tellEveryone(emails, REJECTED, rejected.getDetails().getParties(), rejected.getDetails().getContact(),
                    model);
        } else if (event instanceof TransferExpired expired) {
            TransferDetails details = expired.getDetails();
            Map<String, Object> model = details != null ? model(details)
                    : model(expired.getTransferId(), expired.getEntitlementId());
            model.put("unanswered", expired.getPending().stream().map(TransferSummary::party).toList());
            tellEveryone(emails, EXPIRED, details != null ? details.getParties() : List.of(), expired.getContact(),
                    model);
        } else if (event instanceof TransferInfoRequested info) {
            Map<String, Object> model = model(info.getTransferId(), info.getEntitlementId());
            model.put("problems", info.getProblems().stream().map(Problem::getMessage).toList());
            toContact(emails, INFO_REQUESTED, info.getContact(), model);
        } else if (event instanceof TransferRefused refused) {
            Map<String, Object> model = model(refused.getTransferId(), refused.getEntitlementId());
            model.put("reason", refused.getMessage());
            if (refused.getOpenTransferId() != null) {
                model.put("openTransferId", refused.getOpenTransferId());
            }
            toContact(emails, REFUSED, refused.getContact(), model);
        }
    }

    /** T4, T8: each party asked gets its own e-mail with the details and links that only it can use. */
    private void askForConsent(Emails emails, String template, TransferDetails details, List<Party> parties,
            Instant expiresAt) {
        for (Party party : parties) {
            Map<String, Object> model = model(details);
            model.put("approveLink", links.link(details, party, ConsentDecision.APPROVE, expiresAt));
            model.put("rejectLink", links.link(details, party, ConsentDecision.REJECT, expiresAt));
            model.put("expiresAt", Emails.WHEN.format(expiresAt));
            toParty(emails, template, party, model);
        }
    }

    /** T6: every party gets a confirmation; the ISV, who filed the request, also "transfer completed". */
    private static void confirm(Emails emails, TransferCompleted completed) {
        List<Party> parties = completed.getDetails().getParties();
        Map<String, Object> model = model(completed.getDetails());
        model.put("completedAt", Emails.WHEN.format(completed.getMeta().getOccurredAt()));
        parties.forEach(party -> toParty(emails, COMPLETED, party, model));
        parties.stream().filter(party -> party.getRole() == PartyRole.ISV)
                .forEach(isv -> toParty(emails, COMPLETED_ISV, isv, model));
    }

    /** T5, T8: the end of a transfer is told to every party and to the contact the ISV named. */
    private static void tellEveryone(Emails emails, String template, List<Party> parties, Contact contact,
            Map<String, Object> model) {
        parties.forEach(party -> toParty(emails, template, party, model));
        toContact(emails, template, contact, model);
    }

    /** The model of an e-mail about a transfer that opened: its summary (T4), named things and the reference. */
    private static Map<String, Object> model(TransferDetails details) {
        Map<String, Object> model = model(details.getTransferId(), details.getEntitlementId());
        TransferSummary summary = TransferSummary.of(details);
        model.put("transfer", summary);
        model.put("what", summary.what());
        // a named product says little without its customer; an entitlement id is unique on its own
        model.put("subjectSuffix", summary.product() == null ? summary.what()
                : summary.what() + " for " + summary.customer());
        return model;
    }

    /** The model of an e-mail about a request that may never have been complete: only what identifies it. */
    private static Map<String, Object> model(String transferId, String entitlementId) {
        Map<String, Object> model = new HashMap<>();
        String what = TransferSummary.what(entitlementId == null ? NOT_GIVEN : entitlementId);
        model.put("transferId", transferId);
        model.put("what", what);
        model.put("subjectSuffix", what);
        return model;
    }

    private static void toParty(Emails emails, String template, Party party, Map<String, Object> model) {
        Map<String, Object> personal = new HashMap<>(model);
        personal.put("role", TransferSummary.role(party.getRole()));
        emails.add(template, party.getEmail(), party.getName(), subject(template, model), personal,
                party.getRole() == PartyRole.CUSTOMER);
    }

    /** The contact is optional on requests that never became complete: without one there is nobody to tell. */
    private static void toContact(Emails emails, String template, Contact contact, Map<String, Object> model) {
        if (contact != null) {
            emails.add(template, contact.getEmail(), contact.getName(), subject(template, model), model, false);
        }
    }

    private static String subject(String template, Map<String, Object> model) {
        return SUBJECTS.get(template) + " " + model.get("subjectSuffix");
    }
}
