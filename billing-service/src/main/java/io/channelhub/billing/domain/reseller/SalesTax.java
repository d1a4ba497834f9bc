package io.channelhub.billing.domain.reseller;

import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * R6: sales tax follows the reseller's state, not the customer's. Non-US resellers and US resellers with a
 * certificate valid on the order date pay none here.
 */
public final class SalesTax {

    public static final String US = "US";

    private SalesTax() {
    }

    /**
     * The percent to charge on an order's net.
     *
     * @throws IllegalArgumentException a taxable US reseller whose state has no rate: never guess a tax
     */
    public static BigDecimal percent(String country, String usState, ExemptionCertificate certificate,
                                     LocalDate orderDate, SalesTaxRates rates) {
        if (!US.equals(country) || certificate != null && certificate.validOn(orderDate)) {
            return BigDecimal.ZERO;
        }
        return rates.percentFor(usState)
                .orElseThrow(() -> new IllegalArgumentException("no sales tax rate for US state " + usState));
    }

    /** The tax on a net, half-up to the cent: 8.875% of 900.00 = 79.875 → 79.88. */
    public static Money on(Money net, BigDecimal percent) {
        return net.percent(percent).rounded();
    }
}
