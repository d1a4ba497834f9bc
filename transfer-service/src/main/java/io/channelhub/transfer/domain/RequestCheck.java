package io.channelhub.transfer.domain;

import io.channelhub.platform.directory.Directory;
import io.channelhub.transfer.event.Contact;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.Problem;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * T1–T4 on a request: either it is complete and consistent, and the details name every party whose consent is
 * needed, or the exact list of what is missing or wrong, and who to tell.
 */
final class RequestCheck {

    sealed interface Result permits Complete, Incomplete {
    }

    record Complete(TransferDetails details) implements Result {
    }

    record Incomplete(List<Problem> problems, Contact contact) implements Result {
    }

    private RequestCheck() {
    }

    static Result check(TransferRequested request, String transferId, Facts facts) {
        List<Problem> problems = new ArrayList<>();
        String company = require(request.getCustomerCompanyName(), "customerCompanyName",
                "the customer's company name", problems);
        String entitlementId = require(request.getEntitlementId(), "entitlementId", "the entitlement ID", problems);
        String offerId = require(request.getOfferId(), "offerId", "the offer ID", problems);
        String fromId = require(request.getCurrentBillingAccountId(), "currentBillingAccountId",
                "the current billing account ID", problems);
        String toId = require(request.getTargetBillingAccountId(), "targetBillingAccountId",
                "the target billing account ID", problems);
        String contactName = require(request.getContactName(), "contactName",
                "the name of the contact to keep informed", problems);
        String contactEmail = require(request.getContactEmail(), "contactEmail",
                "the e-mail of the contact to keep informed", problems);

        Optional<Entitlement> known = entitlementId == null ? Optional.empty() : facts.entitlement(entitlementId);
        if (entitlementId != null && known.isEmpty()) {
            problems.add(problem("entitlementId", ProblemCode.UNKNOWN_ENTITLEMENT,
                    "No entitlement " + entitlementId + " is known."));
        }
        known.filter(e -> !e.active()).ifPresent(e -> problems.add(problem("entitlementId",
                ProblemCode.ENTITLEMENT_NOT_ACTIVE, "Entitlement " + e.id() + " is no longer active.")));
        Entitlement ent = known.filter(Entitlement::active).orElse(null);
        if (ent != null && offerId != null && !ent.offerId().equals(offerId)) {
            problems.add(problem("offerId", ProblemCode.OFFER_MISMATCH, "Entitlement " + ent.id() + " is for offer "
                    + ent.offerId() + ", not " + offerId + "."));
        }
        if (ent != null && fromId != null && !ent.billingAccountId().equals(fromId)) {
            problems.add(problem("currentBillingAccountId", ProblemCode.NOT_CURRENT_BILLING_ACCOUNT,
                    "Entitlement " + ent.id() + " is on billing account " + ent.billingAccountId() + ", not "
                            + fromId + "."));
        }
        Directory.BillingAccount from = account(fromId, "currentBillingAccountId", facts, problems);
        Directory.BillingAccount to = account(toId, "targetBillingAccountId", facts, problems);
        if (fromId != null && fromId.equals(toId)) {
            problems.add(problem("targetBillingAccountId", ProblemCode.SAME_BILLING_ACCOUNT,
                    "The target billing account is the current one."));
        }
        TransferKind kind = from != null && to != null ? TransferKinds.of(from, to) : null;
        if (kind != null && request.getKind() != null && request.getKind() != kind) {
            problems.add(problem("kind", ProblemCode.KIND_MISMATCH, "The request says " + request.getKind()
                    + " but moving from " + describe(from) + " to " + describe(to) + " is " + kind + "."));
        }
        Optional<Directory.Organisation> isv = ent == null ? Optional.empty() : facts.isv(ent.isvId());
        if (ent != null && isv.isEmpty()) {
            problems.add(problem("entitlementId", ProblemCode.UNKNOWN_PARTY,
                    "The ISV " + ent.isvId() + " of entitlement " + ent.id() + " is not in the directory."));
        }
        Optional<Directory.Organisation> fromReseller = reseller(from, "currentBillingAccountId", facts, problems);
        Optional<Directory.Organisation> toReseller = reseller(to, "targetBillingAccountId", facts, problems);

        if (!problems.isEmpty()) {
            return new Incomplete(List.copyOf(problems), contact(contactName, contactEmail, isv));
        }
        List<Party> parties = new ArrayList<>();
        parties.add(new Party(PartyRole.CUSTOMER, from.customerId(), company, from.contactEmail()));
        isv.ifPresent(i -> parties.add(new Party(PartyRole.ISV, i.id(), i.name(), i.contactEmail())));
        fromReseller.ifPresent(r -> parties.add(new Party(PartyRole.CURRENT_RESELLER, r.id(), r.name(),
                r.contactEmail())));
        toReseller.filter(r -> fromReseller.map(f -> !f.id().equals(r.id())).orElse(true))
                .ifPresent(r -> parties.add(new Party(PartyRole.TARGET_RESELLER, r.id(), r.name(),
                        r.contactEmail())));
        // Names are for people (issue 23): an offer not listed, or listed for another ISV, is shown by its id.
        Optional<Directory.Offer> offer = facts.offer(offerId).filter(o -> o.isvId().equals(ent.isvId()));
        return new Complete(TransferDetails.newBuilder()
                .setTransferId(transferId)
                .setKind(kind)
                .setCustomerCompanyName(company)
                .setEntitlementId(entitlementId)
                .setOfferId(offerId)
                .setIsvId(ent.isvId())
                .setFromBillingAccountId(from.id())
                .setToBillingAccountId(to.id())
                .setFromResellerId(from.resellerId())
                .setToResellerId(to.resellerId())
                .setContact(new Contact(contactName, contactEmail))
                .setParties(parties)
                .setProductName(offer.map(Directory.Offer::productName).orElse(null))
                .setOfferName(offer.map(Directory.Offer::name).orElse(null))
                .setFromBillingAccountName(from.displayName())
                .setToBillingAccountName(to.displayName())
                .build());
    }

    /** Who hears about missing information: the request's contact, else the ISV that filed it. */
    private static Contact contact(String name, String email, Optional<Directory.Organisation> isv) {
        if (email != null) {
            return new Contact(Objects.requireNonNullElse(name, ""), email);
        }
        return isv.map(i -> new Contact(i.name(), i.contactEmail())).orElse(null);
    }

    private static Directory.BillingAccount account(String id, String field, Directory directory,
            List<Problem> problems) {
        if (id == null) {
            return null;
        }
        Optional<Directory.BillingAccount> account = directory.account(id);
        if (account.isEmpty()) {
            problems.add(problem(field, ProblemCode.UNKNOWN_BILLING_ACCOUNT, "No billing account " + id
                    + " is known."));
        }
        return account.orElse(null);
    }

    private static Optional<Directory.Organisation> reseller(Directory.BillingAccount account, String field,
            Directory directory, List<Problem> problems) {
        if (account == null || account.direct()) {
            return Optional.empty();
        }
        Optional<Directory.Organisation> reseller = directory.reseller(account.resellerId());
        if (reseller.isEmpty()) {
            problems.add(problem(field, ProblemCode.UNKNOWN_PARTY, "The reseller " + account.resellerId()
                    + " of billing account " + account.id() + " is not in the directory."));
        }
        return reseller;
    }

    private static String describe(Directory.BillingAccount account) {
        return account.direct() ? "direct account " + account.id()
                : "account " + account.id() + " of reseller " + account.resellerId();
    }

    /** The trimmed value, or null (a blank counts as absent) with a MISSING problem recorded. */
    private static String require(String value, String field, String what, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(problem(field, ProblemCode.MISSING, "Please provide " + what + "."));
            return null;
        }
        return value.trim();
    }

    private static Problem problem(String field, ProblemCode code, String message) {
        return new Problem(field, code.name(), message);
    }
}
