package io.channelhub.notification.domain;

import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountCancelled;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountLapsed;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.event.DiscountTerms;
import java.util.HashMap;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which e-mails a discount outcome promises (D3): the reseller is asked to accept a proposed discount; the ISV is
 * told of the acceptance; both are told of a lapse, a cancellation and the end. Starting and refusals promise
 * none: the ISV's system has the refusal event with its reasons, and the acceptance e-mail says when it starts.
 * Nobody here is a customer (D7).
 */
public final class DiscountEmails {

    public static final String PROPOSED = "discount-proposed";
    public static final String ACCEPTED = "discount-accepted";
    public static final String LAPSED = "discount-lapsed";
    public static final String CANCELLED = "discount-cancelled";
    public static final String ENDED = "discount-ended";

    private static final Map<String, String> SUBJECTS = Map.of(
            PROPOSED, "Discount offered for your customer",
            ACCEPTED, "Discount accepted for",
            LAPSED, "Discount lapsed, not accepted in time, for",
            CANCELLED, "Discount cancelled for",
            ENDED, "Discount ended for");

    private final ApprovalLinks links;

    DiscountEmails(ApprovalLinks links) {
        this.links = links;
    }

    /**
     * D3: the reseller is asked to accept before the start. A proposal written after its start (published late, or
     * a back-dated one accepted upstream at once) can no longer be accepted by the time anyone reads the e-mail, so
     * it asks nothing: the acceptance or the lapse that follows is told as usual (D-69).
     */
    void plan(SpecificRecord event, Instant written, Emails emails) {
        if (event instanceof DiscountProposed proposed) {
            if (!proposed.getTerms().getStartsAt().isAfter(written)) {
                return;
            }
            Map<String, Object> model = model(proposed.getTerms());
            model.put("acceptLink", links.acceptDiscount(proposed.getTerms()));
            toReseller(emails, PROPOSED, proposed.getTerms(), model);
        } else if (event instanceof DiscountAccepted accepted) {
            toIsv(emails, ACCEPTED, accepted.getTerms(), model(accepted.getTerms()));
        } else if (event instanceof DiscountLapsed lapsed) {
            toBoth(emails, LAPSED, lapsed.getTerms());
        } else if (event instanceof DiscountCancelled cancelled) {
            Map<String, Object> model = model(cancelled.getTerms());
            model.put("cancelledAt", Emails.WHEN.format(cancelled.getAt()));
            model.put("wasInEffect", cancelled.getWasInEffect());
            toIsv(emails, CANCELLED, cancelled.getTerms(), model);
            toReseller(emails, CANCELLED, cancelled.getTerms(), model);
        } else if (event instanceof DiscountEnded ended) {
            toBoth(emails, ENDED, ended.getTerms());
        }
    }

    private static void toBoth(Emails emails, String template, DiscountTerms terms) {
        toIsv(emails, template, terms, model(terms));
        toReseller(emails, template, terms, model(terms));
    }

    private static void toIsv(Emails emails, String template, DiscountTerms terms, Map<String, Object> model) {
        emails.add(template, terms.getIsvEmail(), terms.getIsvName(), subject(template, model), model, false);
    }

    private static void toReseller(Emails emails, String template, DiscountTerms terms, Map<String, Object> model) {
        emails.add(template, terms.getResellerEmail(), terms.getResellerName(), subject(template, model), model,
                false);
    }

    private static Map<String, Object> model(DiscountTerms terms) {
        Map<String, Object> model = new HashMap<>();
        model.put("discount", DiscountSummary.of(terms));
        model.put("discountId", terms.getDiscountId());
        return model;
    }

    private static String subject(String template, Map<String, Object> model) {
        return SUBJECTS.get(template) + " " + ((DiscountSummary) model.get("discount")).customer();
    }
}
