package io.channelhub.pricing;

import io.channelhub.discount.event.DiscountCancelled;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.discount.event.DiscountTerms;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The table billing keeps from discounts.events, one entry per discount that was ever in effect: each event folded
 * into the discount's {@link DiscountTerm} with the interval it was actually in effect. That is all
 * {@link DiscountPolicy} needs; proposals, acceptances, lapses and refusals never put a discount in effect, so they
 * change nothing here. Pure, and idempotent: folding an event twice gives the same term (X2).
 */
public final class DiscountHistory {

    private DiscountHistory() {
    }

    /**
     * The discount's term after {@code event}; empty when the event does not concern a discount in effect.
     *
     * @param known the discount's term so far (null if none): an end or cancellation closes it
     */
    public static Optional<DiscountTerm> fold(DiscountTerm known, SpecificRecord event) {
        if (event instanceof DiscountStarted started) {
            // a start replayed after the end must not reopen the interval
            return Optional.of(known != null ? known : term(started.getTerms(), started.getAt(), null));
        }
        if (event instanceof DiscountEnded ended) {
            return Optional.of(term(ended.getTerms(), ended.getTerms().getStartsAt(), ended.getAt()));
        }
        if (event instanceof DiscountCancelled cancelled && cancelled.getWasInEffect()) {
            return Optional.of(term(cancelled.getTerms(), cancelled.getTerms().getStartsAt(), cancelled.getAt()));
        }
        return Optional.ofNullable(known);
    }

    /** The table's key: one reseller's discounts together, so billing reads a payer's with one prefix scan. */
    public static String key(DiscountTerms terms) {
        return terms.getResellerId() + "|" + terms.getIsvId() + "|" + terms.getDiscountId();
    }

    private static DiscountTerm term(DiscountTerms terms, java.time.Instant from, java.time.Instant until) {
        return new DiscountTerm(terms.getDiscountId(), terms.getIsvId(), terms.getBillingAccountId(),
                terms.getResellerId(), terms.getPercent(), from, until,
                terms.getOfferPlan() == null ? null : terms.getOfferPlan().getOfferId());
    }
}
