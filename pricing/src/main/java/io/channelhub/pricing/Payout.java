package io.channelhub.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One charge line from list price to ISV payout (D6): the discount comes off first, the marketplace revenue share
 * is then taken from what the reseller actually pays. Every amount is rounded half-up to the currency's minor unit
 * and the line reconciles to the cent: {@code gross − discount = net}, {@code net − revenueShare = isvPayout}.
 * Discount and revenue share are positive amounts that are subtracted.
 */
public record Payout(Money gross, Money discount, Money net, Money revenueShare, Money isvPayout) {

    /** The marketplace revenue share when the ISV has no rate of its own (D6). */
    public static final BigDecimal DEFAULT_REVENUE_SHARE_PERCENT = new BigDecimal("3");

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Payout {
        Objects.requireNonNull(gross, "gross");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(revenueShare, "revenueShare");
        Objects.requireNonNull(isvPayout, "isvPayout");
        if (!gross.minus(discount).sameAs(net) || !net.minus(revenueShare).sameAs(isvPayout)) {
            throw new IllegalArgumentException("Payout does not reconcile: " + gross + " − " + discount + " = " + net
                    + ", − " + revenueShare + " = " + isvPayout);
        }
    }

    /**
     * @param gross               the line before discount; rounded to the minor unit first, as it is the line
     * @param discountPercent     0–100, null or zero for no discount (see {@link DiscountDecision#percent()})
     * @param revenueSharePercent 0–100, the ISV's rate or {@link #DEFAULT_REVENUE_SHARE_PERCENT}
     */
    public static Payout of(Money gross, BigDecimal discountPercent, BigDecimal revenueSharePercent) {
        Money line = gross.rounded();
        Money discount = line.percent(checked(discountPercent == null ? BigDecimal.ZERO : discountPercent)).rounded();
        Money net = line.minus(discount);
        // D6: the share is computed on what the reseller pays, after the discount.
        Money share = net.percent(checked(revenueSharePercent)).rounded();
        return new Payout(line, discount, net, share, net.minus(share));
    }

    private static BigDecimal checked(BigDecimal percent) {
        Objects.requireNonNull(percent, "percent");
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("Percent must be in [0, 100]: " + percent);
        }
        return percent;
    }
}
