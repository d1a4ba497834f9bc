package io.channelhub.pricing;

import io.channelhub.pricing.DiscountDecision.Rule;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which discount applies to a charge (D5, D8, D9, D10). The decision reduces to one evaluation instant, chosen by
 * the rules below; the discount is then the one covering the purchase and in effect at that instant (intervals
 * are half-open, see {@link DiscountTerm#inEffectAt}).
 *
 * <ol>
 *   <li><b>D9</b>, charge billed before {@link #CUT_OVER}: the billing instant, whatever the charge type. "Billed
 *       during the discount's period" means {@code inEffectFrom ≤ billedAt < inEffectUntil}.</li>
 *   <li><b>D8</b>, usage billed from the cut-over on: the billing instant.</li>
 *   <li><b>D10</b>, commitment/flat-fee billed from the cut-over on, whose current term started before the
 *       cut-over and is still running at billing ({@code billedAt < currentTermEnd}), and which was neither
 *       accepted, amended nor renewed from the cut-over on: the cut-over itself. The state at the cut-over is
 *       frozen for the rest of that term, including "no discount": a discount that ended under D9 is not revived
 *       and one that starts later does not alter the purchase (D8).</li>
 *   <li><b>D8</b>, any other commitment/flat-fee: the later of acceptance and the last amendment or renewal.</li>
 * </ol>
 *
 * <p>Scope (D5): a discount with an offer applies only to purchases through that offer; one without covers the
 * ISV's products on the account. If both are in effect, the private-offer discount wins: it is the more specific,
 * negotiated agreement for this purchase. Two discounts of the same scope in effect at once break D4 and are
 * refused rather than guessed at.
 */
public final class DiscountPolicy {

    /**
     * The day the D8 rules replace D9: 2024-05-20 00:00 in UTC. UTC, not a local zone: the marketplace bills in
     * UTC and every instant we compare with is an {@link Instant}.
     */
    public static final Instant CUT_OVER = Instant.parse("2024-05-20T00:00:00Z");

    private DiscountPolicy() {
    }

    /**
     * @param charge  what billing is charging
     * @param history the discount terms known for the charge's ISV and billing account, including ended and
     *                cancelled ones with their actual intervals; terms of other ISVs or accounts are ignored
     * @throws IllegalArgumentException if two discounts of the same scope are in effect at the evaluation instant
     */
    public static DiscountDecision decide(Charge charge, Collection<DiscountTerm> history) {
        Purchase purchase = charge.purchase();
        Rule rule = ruleFor(charge);
        Instant at = switch (rule) {
            case D9_AT_BILLING, D8_AT_BILLING -> charge.billedAt();
            case D10_AT_CUT_OVER -> CUT_OVER;
            case D8_AT_ACCEPTANCE, D8_AT_AMENDMENT_OR_RENEWAL -> purchase.discountFixedAt();
        };
        List<DiscountTerm> inEffect = history.stream()
                .filter(term -> term.covers(purchase) && term.inEffectAt(at))
                .toList();
        return new DiscountDecision(rule, at, mostSpecific(inEffect, at));
    }

    private static Rule ruleFor(Charge charge) {
        if (charge.billedAt().isBefore(CUT_OVER)) {
            return Rule.D9_AT_BILLING;
        }
        if (!charge.type().keepsDiscountOfPurchase()) {
            return Rule.D8_AT_BILLING;
        }
        Purchase purchase = charge.purchase();
        boolean fixedBeforeCutOver = purchase.discountFixedAt().isBefore(CUT_OVER);
        boolean termRunningAtCutOver = purchase.currentTermStart().isBefore(CUT_OVER);
        boolean termStillRunning = purchase.currentTermEnd() == null
                || charge.billedAt().isBefore(purchase.currentTermEnd());
        if (fixedBeforeCutOver && termRunningAtCutOver && termStillRunning) {
            return Rule.D10_AT_CUT_OVER;
        }
        return purchase.isAmendedOrRenewed() ? Rule.D8_AT_AMENDMENT_OR_RENEWAL : Rule.D8_AT_ACCEPTANCE;
    }

    private static Optional<DiscountTerm> mostSpecific(List<DiscountTerm> inEffect, Instant at) {
        List<DiscountTerm> offerScoped = inEffect.stream().filter(DiscountTerm::isOfferScoped).toList();
        List<DiscountTerm> winners = offerScoped.isEmpty() ? inEffect : offerScoped;
        if (winners.size() > 1) {
            throw new IllegalArgumentException("D4 violated: " + winners.size() + " discounts in effect at " + at
                    + ": " + winners.stream().map(DiscountTerm::discountId).toList());
        }
        return winners.stream().findFirst();
    }
}
