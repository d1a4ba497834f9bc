package io.channelhub.billing.domain.reseller;

import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * R5: simple interest per day overdue, {@code amount × annual% / 100 × daysOverdue / 365}, half-up to the cent
 * once. 365 in leap years too, so a day costs the same all year.
 */
public final class Interest {

    private static final BigDecimal DAYS_IN_YEAR = BigDecimal.valueOf(365);

    private Interest() {
    }

    /** Whole days after the due date: 0 on the due date itself, 1 the day after. */
    public static long daysOverdue(LocalDate dueDate, LocalDate asOf) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, asOf));
    }

    /** 1000.00 at 12% for 15 days: 1000 × 0.12 × 15 / 365 = 4.9315… → 4.93. */
    public static Money accrued(Money amount, BigDecimal annualPercent, long daysOverdue) {
        return amount.percent(annualPercent).times(daysOverdue).dividedBy(DAYS_IN_YEAR).rounded();
    }
}
