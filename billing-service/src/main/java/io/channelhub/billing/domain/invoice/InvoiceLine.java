package io.channelhub.billing.domain.invoice;

import io.channelhub.billing.domain.charge.SubscriptionCharge;
import io.channelhub.pricing.DiscountDecision;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.Payout;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One line of an invoice: a charge, the discount that applies to it and why (D8–D10), and its amounts from gross
 * to ISV payout (D6). The revenue share and payout are the marketplace's side: kept for the payout statement, not
 * for the reseller's eyes.
 */
public record InvoiceLine(int number, SubscriptionCharge charge, DiscountDecision discountDecision, Payout payout) {

    public InvoiceLine {
        Objects.requireNonNull(charge, "charge");
        Objects.requireNonNull(discountDecision, "discountDecision");
        Objects.requireNonNull(payout, "payout");
        if (!payout.gross().sameAs(charge.amount())) {
            throw new IllegalArgumentException("Line " + number + " gross " + payout.gross() + " is not its charge "
                    + charge.amount());
        }
    }

    public Money gross() {
        return payout.gross();
    }

    public BigDecimal discountPercent() {
        return discountDecision.percent();
    }

    public Money discount() {
        return payout.discount();
    }

    /** What the payer owes for the line: gross less discount. */
    public Money net() {
        return payout.net();
    }
}
