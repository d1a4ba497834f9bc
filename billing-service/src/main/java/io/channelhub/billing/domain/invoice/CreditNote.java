package io.channelhub.billing.domain.invoice;

import io.channelhub.pricing.Money;
import io.channelhub.pricing.Payout;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A correction of an issued invoice (B4): whole lines credited back, every amount negative. Its total goes back to
 * the payer (credit balance or refund, the caller's choice); the ISV payout statement nets it off.
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

    /** A name-based UUID of the invoice and the correction: a replayed correction issues the same note. */
    public static String idFor(String invoiceId, String correctionId) {
        return UUID.nameUUIDFromBytes(("credit-note|" + invoiceId + "|" + correctionId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * @param correctionId the id of the correction that causes it: with the invoice it derives the note's id, so a
     *                     replay issues the same note. Crediting a line twice is the caller's to prevent.
     */
    public static CreditNote of(Invoice invoice, String correctionId, Collection<Integer> lineNumbers, String reason,
                                Instant issuedAt) {
        if (issuedAt.isBefore(invoice.issuedAt())) {
            throw new IllegalArgumentException("A credit note follows its invoice");
        }
        List<Line> lines = new ArrayList<>();
        for (int number : new TreeSet<>(lineNumbers)) {
            InvoiceLine line = invoice.lines().stream().filter(l -> l.number() == number).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No line " + number + " on " + invoice.id()));
            Payout p = line.payout();
            lines.add(new Line(number, line.charge().subscriptionId(), line.charge().isvId(), new Payout(
                    p.gross().negated(), p.discount().negated(), p.net().negated(), p.revenueShare().negated(),
                    p.isvPayout().negated())));
        }
        String id = idFor(invoice.id(), correctionId);
        Money total = lines.stream().map(l -> l.payout().net()).reduce(Money.zero(invoice.subtotal().currency()),
                Money::plus);
        return new CreditNote(id, invoice.id(), invoice.payerId(), invoice.month(), issuedAt, reason, lines, total);
    }
}
