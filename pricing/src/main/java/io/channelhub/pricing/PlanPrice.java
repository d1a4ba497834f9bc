package io.channelhub.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** Plan prices from the price list (B2). */
public final class PlanPrice {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

    private PlanPrice() {
    }

    /**
     * Price per user per month: {@code (list − list × margin%) / 12}, rounded half-up to the minor unit once, at
     * the end (B2). 50.00 at 20% → 40.00 / 12 = 3.33.
     *
     * @param listPerUserYear list price per user per year
     * @param marginPercent   reseller margin, 0 ≤ margin &lt; 100
     */
    public static Money perUserMonth(Money listPerUserYear, BigDecimal marginPercent) {
        Objects.requireNonNull(listPerUserYear, "listPerUserYear");
        Objects.requireNonNull(marginPercent, "marginPercent");
        if (marginPercent.signum() < 0 || marginPercent.compareTo(HUNDRED) >= 0) {
            throw new IllegalArgumentException("Reseller margin must be in [0, 100): " + marginPercent);
        }
        Money afterMargin = listPerUserYear.minus(listPerUserYear.percent(marginPercent));
        // Divide straight to the minor unit: one rounding, no double rounding through an intermediate scale.
        int digits = listPerUserYear.currency().getDefaultFractionDigits();
        return new Money(afterMargin.amount().divide(MONTHS, digits, RoundingMode.HALF_UP), listPerUserYear.currency());
    }
}
