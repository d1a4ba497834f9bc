package io.channelhub.billing.domain.reseller;

import java.math.BigDecimal;

/**
 * Programme-wide settings: the discount a new reseller starts with (R1), the annual interest on overdue orders and
 * the payment term (R5), and how long a temporary licence lasts (R4).
 */
public record ResellerSettings(BigDecimal defaultDiscountPercent, BigDecimal annualInterestPercent,
                               int paymentTermDays, int temporaryLicenceDays) {

    public static final BigDecimal DEFAULT_DISCOUNT_PERCENT = new BigDecimal("10");

    public ResellerSettings {
        checkPercent(defaultDiscountPercent, "defaultDiscountPercent");
        checkPercent(annualInterestPercent, "annualInterestPercent");
        if (paymentTermDays <= 0 || temporaryLicenceDays <= 0) {
            throw new IllegalArgumentException("Payment term and temporary licence need a positive number of days");
        }
    }

    /** R1 10% off, R5 due in 30 days, R4 temporary licences for 30 days; the interest rate has no default. */
    public static ResellerSettings standard(BigDecimal annualInterestPercent) {
        return new ResellerSettings(DEFAULT_DISCOUNT_PERCENT, annualInterestPercent, 30, 30);
    }

    /** A percent off or a rate: 0 up to, not including, 100. */
    static boolean validPercent(BigDecimal percent) {
        return percent != null && percent.signum() >= 0 && percent.compareTo(new BigDecimal("100")) < 0;
    }

    private static void checkPercent(BigDecimal percent, String name) {
        if (!validPercent(percent)) {
            throw new IllegalArgumentException(name + " must be from 0 to below 100: " + percent);
        }
    }
}
