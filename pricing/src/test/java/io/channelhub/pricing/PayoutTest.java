package io.channelhub.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PayoutTest {

    static final BigDecimal THREE = new BigDecimal("3");

    static void assertPayout(Payout payout, String gross, String discount, String net, String share, String isv) {
        assertThat(payout.gross()).isEqualTo(Money.of(gross, "USD"));
        assertThat(payout.discount()).isEqualTo(Money.of(discount, "USD"));
        assertThat(payout.net()).isEqualTo(Money.of(net, "USD"));
        assertThat(payout.revenueShare()).isEqualTo(Money.of(share, "USD"));
        assertThat(payout.isvPayout()).isEqualTo(Money.of(isv, "USD"));
    }

    @Test
    void d6_seedExampleDiscountBeforeRevenueShare() {
        // 100.00 − 10% (10.00) = 90.00 paid; 3% of 90.00 = 2.70; ISV gets 87.30.
        Payout payout = Payout.of(Money.of("100.00", "USD"), BigDecimal.TEN, Payout.DEFAULT_REVENUE_SHARE_PERCENT);

        assertPayout(payout, "100.00", "10.00", "90.00", "2.70", "87.30");
    }

    @Test
    void d6_roundsHalfUpAtEachLineAndReconciles() {
        // 7.5% of 33.33 = 2.49975 → 2.50; net 33.33 − 2.50 = 30.83;
        // 3% of 30.83 = 0.9249 → 0.92; payout 30.83 − 0.92 = 29.91.
        // (3% of the gross would be 0.9999 → 1.00: the share is on the net.)
        Payout payout = Payout.of(Money.of("33.33", "USD"), new BigDecimal("7.5"), THREE);

        assertPayout(payout, "33.33", "2.50", "30.83", "0.92", "29.91");
    }

    @Test
    void d6_noDiscountTakesTheShareOnTheGross() {
        assertPayout(Payout.of(Money.of("100.00", "USD"), null, THREE), "100.00", "0.00", "100.00", "3.00", "97.00");
        assertPayout(Payout.of(Money.of("100.00", "USD"), BigDecimal.ZERO, THREE),
                "100.00", "0.00", "100.00", "3.00", "97.00");
    }

    @Test
    void d6_revenueShareRateIsPerIsv() {
        // 200.00 − 12.5% (25.00) = 175.00; 5% of 175.00 = 8.75; 166.25.
        Payout payout = Payout.of(Money.of("200.00", "USD"), new BigDecimal("12.5"), new BigDecimal("5"));

        assertPayout(payout, "200.00", "25.00", "175.00", "8.75", "166.25");
    }

    @Test
    void d6_fullDiscountLeavesNothingToShare() {
        assertPayout(Payout.of(Money.of("49.99", "USD"), new BigDecimal("100"), THREE),
                "49.99", "49.99", "0.00", "0.00", "0.00");
    }

    @Test
    void d6_unroundedGrossIsRoundedAtTheLineFirst() {
        // Usage: 3 units at 0.0125 = 0.0375 → 0.04; 10% of 0.04 = 0.004 → 0.00; 3% of 0.04 = 0.0012 → 0.00.
        Money usage = Money.of("0.0125", "USD").times(3);

        assertPayout(Payout.of(usage, BigDecimal.TEN, THREE), "0.04", "0.00", "0.04", "0.00", "0.04");
    }

    @Test
    void d6_everyCentFrom0_01To100_00ReconcilesAtTheMinorUnit() {
        for (int cents = 1; cents <= 10_000; cents++) {
            Payout payout = Payout.of(new Money(BigDecimal.valueOf(cents, 2), java.util.Currency.getInstance("USD")),
                    new BigDecimal("7.5"), THREE);

            assertThat(payout.gross().minus(payout.discount()).sameAs(payout.net())).isTrue();
            assertThat(payout.net().minus(payout.revenueShare()).sameAs(payout.isvPayout())).isTrue();
            assertThat(payout.isvPayout().amount().scale()).isEqualTo(2);
        }
    }

    @Test
    void d6_aPayoutThatDoesNotReconcileIsRefused() {
        Money m = Money.of("1.00", "USD");

        assertThatThrownBy(() -> new Payout(Money.of("100.00", "USD"), Money.of("10.00", "USD"),
                Money.of("90.00", "USD"), Money.of("2.70", "USD"), m))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void d6_percentOutsideZeroToHundredIsRefused() {
        Money gross = Money.of("100.00", "USD");

        assertThatThrownBy(() -> Payout.of(gross, new BigDecimal("-1"), THREE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Payout.of(gross, BigDecimal.TEN, new BigDecimal("100.5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void d6_d8_decisionFeedsThePayout() {
        DiscountDecision none = new DiscountDecision(DiscountDecision.Rule.D8_AT_BILLING,
                DiscountPolicy.CUT_OVER, java.util.Optional.empty());

        assertThat(Payout.of(Money.of("100.00", "USD"), none.percent(), THREE).isvPayout())
                .isEqualTo(Money.of("97.00", "USD"));
    }
}
