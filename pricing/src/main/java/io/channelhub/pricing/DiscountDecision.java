package io.channelhub.pricing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which discount applies to a charge, and why: the rule that chose it and the instant it was looked up at. Kept
 * even when no discount applies, so an invoice line can say "D8: none in effect at acceptance".
 */
public record DiscountDecision(Rule rule, Instant evaluatedAt, Optional<DiscountTerm> discount) {

    /** The rule that picked the evaluation instant. */
    public enum Rule {
        /** Billed before the cut-over: the discount in effect at billing, any charge type. */
        D9_AT_BILLING("D9"),
        /** Commitment/flat-fee accepted from the cut-over on, not amended or renewed since. */
        D8_AT_ACCEPTANCE("D8"),
        /** Commitment/flat-fee amended or renewed from the cut-over on. */
        D8_AT_AMENDMENT_OR_RENEWAL("D8"),
        /** Usage billed from the cut-over on. */
        D8_AT_BILLING("D8"),
        /** Commitment/flat-fee term running at the cut-over: the state at the cut-over is kept for that term. */
        D10_AT_CUT_OVER("D10");

        private final String ruleId;

        Rule(String ruleId) {
            this.ruleId = ruleId;
        }

        /** The spec's rule ID, e.g. "D8". */
        public String ruleId() {
            return ruleId;
        }
    }

    public DiscountDecision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(evaluatedAt, "evaluatedAt");
        Objects.requireNonNull(discount, "discount");
    }

    /** The percent to feed {@link Payout#of}: the discount's, or zero when none applies. */
    public BigDecimal percent() {
        return discount.map(DiscountTerm::percent).orElse(BigDecimal.ZERO);
    }
}
