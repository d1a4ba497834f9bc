package io.channelhub.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscountTermTest {

    static final Instant FROM = Instant.parse("2024-06-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2024-07-01T00:00:00Z");

    static DiscountTerm term(String percent, Instant from, Instant until) {
        return new DiscountTerm("d-1", "isv-1", "ba-1", "reseller-1", new BigDecimal(percent), from, until, null);
    }

    @Test
    void d8_intervalIsHalfOpen() {
        DiscountTerm term = term("10", FROM, UNTIL);

        assertThat(term.inEffectAt(FROM.minusNanos(1))).isFalse();
        assertThat(term.inEffectAt(FROM)).isTrue();
        assertThat(term.inEffectAt(UNTIL.minusNanos(1))).isTrue();
        assertThat(term.inEffectAt(UNTIL)).isFalse();
    }

    @Test
    void d8_withoutEndItStaysInEffect() {
        assertThat(term("10", FROM, null).inEffectAt(Instant.parse("2099-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void d8_cancelledBeforeItStartedIsNeverInEffect() {
        assertThat(term("10", FROM, FROM).inEffectAt(FROM)).isFalse();
        assertThatThrownBy(() -> term("10", UNTIL, FROM)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest // D8: 0 < percent ≤ 100, two decimals
    @ValueSource(strings = {"0", "-5", "100.01", "12.345"})
    void d8_percentOutOfRangeOrTooPreciseIsRefused(String percent) {
        assertThatThrownBy(() -> term(percent, FROM, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest // D8: 0 < percent ≤ 100, two decimals
    @ValueSource(strings = {"0.01", "12.50", "12.500", "100"})
    void d8_percentInRangeIsAccepted(String percent) {
        assertThatNoException().isThrownBy(() -> term(percent, FROM, null));
    }
}
