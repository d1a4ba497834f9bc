package io.channelhub.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

    @ParameterizedTest // X4: half-up to the minor unit
    @CsvSource({
            "3.325, USD, 3.33",     // half-even would give 3.32
            "3.3249, USD, 3.32",
            "0.005, USD, 0.01",
            "0.00499, USD, 0.00",
            "-0.005, USD, -0.01",   // half-up rounds away from zero: a credit mirrors its charge
            "100.5, JPY, 101",      // no minor unit
            "1.0005, BHD, 1.001"    // three decimals
    })
    void x4_roundsHalfUpToTheCurrencysMinorUnit(String amount, String currency, String expected) {
        assertThat(Money.of(amount, currency).rounded()).isEqualTo(Money.of(expected, currency));
    }

    @Test
    void x4_arithmeticKeepsFullPrecisionUntilRounded() {
        assertThat(Money.of("33.33", "EUR").percent(new BigDecimal("7.5")).amount())
                .isEqualByComparingTo("2.49975");
        assertThat(Money.of("10.00", "EUR").dividedBy(new BigDecimal("3")).rounded())
                .isEqualTo(Money.of("3.33", "EUR"));
    }

    @Test
    void x4_mixingCurrenciesIsRefused() {
        Money eur = Money.of("1.00", "EUR");
        Money usd = Money.of("1.00", "USD");

        assertThatThrownBy(() -> eur.plus(usd)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eur.minus(usd)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> eur.compareTo(usd)).isInstanceOf(IllegalArgumentException.class);
        assertThat(eur.sameAs(usd)).isFalse();
    }

    @ParameterizedTest // issue 23: messages show money at the currency's scale, never losing a digit
    @CsvSource({
            "899.1000, EUR, 899.10 EUR",  // as it comes off the wire (scale 4)
            "90, EUR, 90.00 EUR",
            "-0.5, EUR, -0.50 EUR",
            "3.3333, EUR, 3.3333 EUR",    // unrounded: shown as it is
            "100.0000, JPY, 100 JPY",
            "1.5, BHD, 1.500 BHD"
    })
    void messagesShowTheCurrencysScale(String amount, String currency, String expected) {
        assertThat(Money.of(amount, currency)).hasToString(expected);
    }

    @Test
    void x4_sameAsIgnoresScaleButEqualsDoesNot() {
        assertThat(Money.of("90.0", "EUR").sameAs(Money.of("90.00", "EUR"))).isTrue();
        assertThat(Money.of("90.0", "EUR")).isNotEqualTo(Money.of("90.00", "EUR"));
    }
}
