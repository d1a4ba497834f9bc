package io.channelhub.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PlanPriceTest {

    static Money perUserMonth(String listPerYear, String margin) {
        return PlanPrice.perUserMonth(Money.of(listPerYear, "USD"), new BigDecimal(margin));
    }

    @Test
    void b2_annualSeed() {
        // 50.00 − 20% = 40.00; 40.00 / 12 = 3.333… → 3.33
        assertThat(perUserMonth("50.00", "20")).isEqualTo(Money.of("3.33", "USD"));
    }

    @Test
    void b2_flexibleSeed() {
        // 60.00 − 20% = 48.00; 48.00 / 12 = 4.00
        assertThat(perUserMonth("60.00", "20")).isEqualTo(Money.of("4.00", "USD"));
    }

    @Test
    void b2_roundsHalfUp() {
        // 53.20 − 25% (13.30) = 39.90; 39.90 / 12 = 3.325 exactly → 3.33 (half-even or truncation would give 3.32)
        assertThat(perUserMonth("53.20", "25")).isEqualTo(Money.of("3.33", "USD"));
        // 100.00 − 15% = 85.00; 85.00 / 12 = 7.0833… → 7.08 (rounds down below the half)
        assertThat(perUserMonth("100.00", "15")).isEqualTo(Money.of("7.08", "USD"));
    }

    @Test
    void b2_withoutMarginItIsTheListPriceOverTwelve() {
        assertThat(perUserMonth("12.00", "0")).isEqualTo(Money.of("1.00", "USD"));
    }

    @Test
    void b2_marginOutsideZeroToHundredIsRefused() {
        assertThatThrownBy(() -> perUserMonth("50.00", "100")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> perUserMonth("50.00", "-1")).isInstanceOf(IllegalArgumentException.class);
    }
}
