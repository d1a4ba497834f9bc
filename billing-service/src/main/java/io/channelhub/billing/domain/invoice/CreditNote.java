package io.channelhub.billing.domain.invoice;

import io.channelhub.pricing.Money;
import io.channelhub.pricing.Payout;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A correction of an issued invoice (B4): whole lines credited back, every amount negative. Its total goes back to
 * the payer (credit balance or refund, the caller's choice); the ISV payout statement nets it off.
 * {@link CreditNoteDecider} checks every note it issues against this.
 *
 * @param total Σ lines' net, negative
 */
public record CreditNote(String id, String invoiceId, String payerId, YearMonth month, Instant issuedAt,
                         String reason, List<Line> lines, Money total) {

    /** The credit of one invoice line: its amounts negated. */
    public record Line(int invoiceLine, String subscriptionId, String isvId, Payout payout) {
        public Line {
            if (payout.gross().amount().signum() > 0) {
                throw new IllegalArgumentException("A credit note line is negative: " + payout);
            }
        }
    }

    public CreditNote {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(reason, "reason");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A credit note credits at least one line");
        }
        Money sum = lines.stream().map(l -> l.payout().net()).reduce(Money::plus).orElseThrow();
        if (!sum.sameAs(total)) {
            throw new IllegalArgumentException("Credit note total " + total + " is not Σ lines " + sum);
        }
    }
}
