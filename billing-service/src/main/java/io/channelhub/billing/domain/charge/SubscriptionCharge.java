package io.channelhub.billing.domain.charge;

import io.channelhub.pricing.Money;
import io.channelhub.pricing.Purchase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One charge of one subscription for one payer and calendar month (UTC): {@code seatDays} seat-days at the unit
 * price per user-month, pro rata over the days of the month.
 *
 * @param purchase the purchase as the discount rules see it for this payer's days (D8)
 */
public record SubscriptionCharge(String subscriptionId, String sku, String payerId, YearMonth month, ChargeKind kind,
                                 LocalDate firstDay, LocalDate lastDay, int seatDays, Money unitPrice,
                                 Purchase purchase) {

    public SubscriptionCharge {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(purchase, "purchase");
        if (!YearMonth.from(firstDay).equals(month) || !YearMonth.from(lastDay).equals(month)
                || lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("Charge days " + firstDay + ".." + lastDay + " are not in " + month);
        }
        if (seatDays <= 0) {
            throw new IllegalArgumentException("A charge bills at least one seat-day: " + seatDays);
        }
    }

    public int daysInMonth() {
        return month.lengthOfMonth();
    }

    /**
     * X4: seat-days × unit price ÷ days in the month, rounded half-up to the cent once, here at the line. For a
     * full month this is exactly seats × unit price: 310 seat-days × 3.33 ÷ 31 = 33.30.
     */
    public Money amount() {
        BigDecimal exact = unitPrice.amount().multiply(BigDecimal.valueOf(seatDays));
        int digits = unitPrice.currency().getDefaultFractionDigits();
        return new Money(exact.divide(BigDecimal.valueOf(daysInMonth()), digits, RoundingMode.HALF_UP),
                unitPrice.currency());
    }

    public String isvId() {
        return purchase.isvId();
    }

    /**
     * B1: which of the 12 monthly instalments of its Annual commitment this charge is billed in, counted by calendar
     * month from the month the commitment's 12 months began (its term's end less 12 months, so a migrated order
     * whose first months were prepaid goes on at the instalment it had reached, B5). Empty where that is not one
     * number (D-110): a Flexible charge; days outside the current term (a line that runs across a renewal); the 13th
     * calendar month a term begun after the 1st reaches, whose days complete its first, partial instalment.
     */
    public OptionalInt instalment() {
        if (kind == ChargeKind.FLEXIBLE_USAGE || purchase.currentTermEnd() == null) {
            return OptionalInt.empty();
        }
        LocalDate termStart = LocalDate.ofInstant(purchase.currentTermStart(), ZoneOffset.UTC);
        LocalDate termEnd = LocalDate.ofInstant(purchase.currentTermEnd(), ZoneOffset.UTC);
        if (firstDay.isBefore(termStart) || !lastDay.isBefore(termEnd)) {
            return OptionalInt.empty();
        }
        long instalment = ChronoUnit.MONTHS.between(YearMonth.from(termEnd.minusMonths(12)), month) + 1;
        return instalment >= 1 && instalment <= 12 ? OptionalInt.of((int) instalment) : OptionalInt.empty();
    }
}
