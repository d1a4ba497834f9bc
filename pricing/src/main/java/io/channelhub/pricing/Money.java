package io.channelhub.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency (X4). Arithmetic keeps full precision; {@link #rounded()} rounds half-up to the
 * currency's minor unit, which the rules do once per line. Mixing currencies is a programming error, not a
 * conversion.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currency));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits()), currency);
    }

    public Money plus(Money other) {
        return new Money(amount.add(same(other).amount), currency);
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(same(other).amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money times(long quantity) {
        return times(BigDecimal.valueOf(quantity));
    }

    /** This amount divided by {@code divisor}, exact to 10 places (rounding to the cent is the caller's line). */
    public Money dividedBy(BigDecimal divisor) {
        return new Money(amount.divide(divisor, 10, RoundingMode.HALF_UP), currency);
    }

    /** {@code percent}% of this amount, unrounded: 10% of 100.00 is 10.0000. */
    public Money percent(BigDecimal percent) {
        return new Money(amount.multiply(percent).movePointLeft(2), currency);
    }

    /** Half-up to the currency's minor unit (X4): 3.3333 EUR → 3.33, 0.005 USD → 0.01. */
    public Money rounded() {
        return new Money(amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP), currency);
    }

    public Money negated() {
        return new Money(amount.negate(), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(same(other).amount);
    }

    /** Equal amounts regardless of scale: 90.0 EUR equals 90.00 EUR. */
    public boolean sameAs(Money other) {
        return currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    /**
     * How a message shows money (issue 23): the amount at the currency's scale and its code, "899.10 EUR" for
     * 899.1000 EUR as it comes off the wire; digits beyond that scale only if they are not zero (3.3333 EUR), so
     * nothing is rounded away where an unrounded amount is shown.
     */
    @Override
    public String toString() {
        int scale = Math.max(currency.getDefaultFractionDigits(), amount.stripTrailingZeros().scale());
        return amount.setScale(scale).toPlainString() + " " + currency.getCurrencyCode();
    }

    private Money same(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot mix " + currency + " and " + other.currency);
        }
        return other;
    }
}
