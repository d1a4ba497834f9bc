package io.channelhub.billing.domain.reseller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesTaxTest {

    static final SalesTaxRates RATES = new SalesTaxRates(Map.of("NY", new BigDecimal("8.875"),
            "ca", new BigDecimal("7.25")));
    static final LocalDate ORDER_DATE = LocalDate.parse("2024-04-10");
    static final Money NET = Money.of("900.00", "USD");

    static Money tax(String country, String state, ExemptionCertificate certificate) {
        return SalesTax.on(NET, SalesTax.percent(country, state, certificate, ORDER_DATE, RATES));
    }

    @Test
    void r6_usResellerPaysItsStatesRateHalfUp() {
        // 900.00 × 8.875 / 100 = 79.875 → 79.88
        assertThat(tax("US", "NY", null)).isEqualTo(Money.of("79.88", "USD"));
        // 900.00 × 7.25 / 100 = 65.25; state codes match whatever their case
        assertThat(tax("US", "CA", null)).isEqualTo(Money.of("65.25", "USD"));
    }

    @Test
    void r6_aCertificateValidOnTheOrderDateExempts() {
        assertThat(tax("US", "NY", new ExemptionCertificate("ex-1", LocalDate.parse("2025-01-01"))))
                .isEqualTo(Money.of("0.00", "USD"));
        // valid through its expiry day
        assertThat(tax("US", "NY", new ExemptionCertificate("ex-1", ORDER_DATE))).isEqualTo(Money.of("0.00", "USD"));
    }

    @Test
    void r6_aCertificateExpiredTheDayBeforeDoesNot() {
        assertThat(tax("US", "NY", new ExemptionCertificate("ex-1", ORDER_DATE.minusDays(1))))
                .isEqualTo(Money.of("79.88", "USD"));
    }

    @Test
    void r6_nonUsResellersPayNoSalesTaxHere() {
        assertThat(tax("DE", null, null)).isEqualTo(Money.of("0.00", "USD"));
        assertThat(tax("CA", null, null)).isEqualTo(Money.of("0.00", "USD")); // Canada, not California
    }

    @Test
    void r6_aStateWithoutARateIsAnErrorNotAGuess() {
        assertThatThrownBy(() -> tax("US", "TX", null)).hasMessageContaining("no sales tax rate for US state TX");
    }
}
