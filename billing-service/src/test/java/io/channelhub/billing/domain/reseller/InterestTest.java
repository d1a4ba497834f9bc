package io.channelhub.billing.domain.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InterestTest {

    @Test
    void r5_simpleInterestPerDayOverdueHalfUpToTheCent() {
        // 1000.00 × 12/100 × 15 / 365 = 1800 / 365 = 4.9315… → 4.93
        assertThat(Interest.accrued(Money.of("1000.00", "EUR"), new BigDecimal("12"), 15))
                .isEqualTo(Money.of("4.93", "EUR"));
        // 1000.00 × 0.12 × 19 / 365 = 6.2465… → 6.25
        assertThat(Interest.accrued(Money.of("1000.00", "EUR"), new BigDecimal("12"), 19))
                .isEqualTo(Money.of("6.25", "EUR"));
    }

    @Test
    void r5_aHalfCentRoundsUp() {
        // 100.00 × 1.825/100 × 1 / 365 = 1.825 / 365 = 0.005 exactly → 0.01 (half-even would give 0.00)
        assertThat(Interest.accrued(Money.of("100.00", "USD"), new BigDecimal("1.825"), 1))
                .isEqualTo(Money.of("0.01", "USD"));
    }

    @Test
    void r5_noDaysOverdueNoInterest() {
        assertThat(Interest.accrued(Money.of("1000.00", "EUR"), new BigDecimal("12"), 0))
                .isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void r5_daysOverdueCountFromTheDayAfterTheDueDate() {
        LocalDate due = LocalDate.parse("2024-05-17");

        assertThat(Interest.daysOverdue(due, LocalDate.parse("2024-05-10"))).isZero(); // not yet due
        assertThat(Interest.daysOverdue(due, due)).isZero(); // due today: not late
        assertThat(Interest.daysOverdue(due, LocalDate.parse("2024-05-18"))).isEqualTo(1);
        assertThat(Interest.daysOverdue(due, LocalDate.parse("2024-06-01"))).isEqualTo(15); // 14 in May + 1
    }
}
