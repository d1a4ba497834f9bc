package io.channelhub.billing.domain.reseller;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reference data (R6): the sales tax percent per US state, keyed by its two-letter code ("NY" → 8.875). */
public record SalesTaxRates(Map<String, BigDecimal> percentByState) {

    public SalesTaxRates {
        Map<String, BigDecimal> upper = new HashMap<>();
        percentByState.forEach((state, percent) -> upper.put(state.toUpperCase(Locale.ROOT), percent));
        percentByState = Map.copyOf(upper);
    }

    public Optional<BigDecimal> percentFor(String state) {
        return state == null ? Optional.empty()
                : Optional.ofNullable(percentByState.get(state.toUpperCase(Locale.ROOT)));
    }
}
