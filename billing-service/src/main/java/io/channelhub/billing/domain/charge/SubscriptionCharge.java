package io.channelhub.billing.domain.charge;

import io.channelhub.pricing.Money;
import io.channelhub.pricing.Purchase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

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
}
