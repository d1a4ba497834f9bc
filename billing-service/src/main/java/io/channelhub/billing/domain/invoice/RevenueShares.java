package io.channelhub.billing.domain.invoice;

import io.channelhub.pricing.Payout;
import java.math.BigDecimal;
import java.util.Map;

/** The marketplace revenue share per ISV, in percent; an ISV without a rate of its own pays the default 3% (D6). */
public record RevenueShares(Map<String, BigDecimal> percentByIsv) {

    public RevenueShares {
        percentByIsv = Map.copyOf(percentByIsv);
    }

    public static RevenueShares defaults() {
        return new RevenueShares(Map.of());
    }

    public BigDecimal percentFor(String isvId) {
        return percentByIsv.getOrDefault(isvId, Payout.DEFAULT_REVENUE_SHARE_PERCENT);
    }
}
