package io.channelhub.billing.domain.migration;

import io.channelhub.pricing.Money;
import java.util.List;
import java.util.Objects;

/**
 * How much migration credit goes against which charges (B6), and what is carried forward.
 *
 * @param credited only the charges that received credit, in the order given
 * @param applied  the sum of {@code credited}: pass it as the invoice's credit balance
 * @param carried  the migration credit left for later months
 */
public record CreditApplication(List<ChargeCredit> credited, Money applied, Money carried) {

    public record ChargeCredit(String chargeId, Money credit) {
        public ChargeCredit {
            Objects.requireNonNull(chargeId, "chargeId");
            if (credit.isNegative() || credit.isZero()) {
                throw new IllegalArgumentException("Credit on " + chargeId + " must be positive: " + credit);
            }
        }
    }

    public CreditApplication {
        credited = List.copyOf(credited);
        if (applied.isNegative() || carried.isNegative()) {
            throw new IllegalArgumentException("Credit is never negative: " + applied + " applied, " + carried
                    + " carried");
        }
    }
}
