package io.channelhub.billing.domain.migration;

import io.channelhub.pricing.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * B7: in the migration month the reseller gets up to two invoices. This is the prepaid one: the orders placed in
 * that month (UTC) before the opt-in, at the amount paid. The postpaid one, with the credit, is assembled as every
 * month by {@code InvoiceAssembler}.
 */
public record PrepaidInvoice(String resellerId, YearMonth month, List<Line> lines, Money total) {

    public record Line(String orderId, String billingAccountId, String sku, int seats, Instant placedAt,
                       Money amount) {
    }

    public PrepaidInvoice {
        Objects.requireNonNull(resellerId, "resellerId");
        Objects.requireNonNull(month, "month");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A prepaid invoice has at least one line");
        }
        Money sum = lines.stream().map(Line::amount).reduce(Money.zero(total.currency()), Money::plus);
        if (!sum.sameAs(total)) {
            throw new IllegalArgumentException("Total " + total + " is not the lines' " + sum);
        }
    }

    /**
     * The prepaid invoice of the migration month, or empty when no paid order was placed in that month before the
     * opt-in (then the month has only the postpaid invoice). Trials paid nothing and are left out.
     */
    public static Optional<PrepaidInvoice> forMigrationMonth(String resellerId, List<PrepaidOrder> orders,
                                                             Instant optedInAt) {
        YearMonth month = YearMonth.from(optedInAt.atOffset(ZoneOffset.UTC));
        List<Line> lines = orders.stream()
                .filter(o -> YearMonth.from(o.placedAt().atOffset(ZoneOffset.UTC)).equals(month))
                .filter(o -> o.placedAt().isBefore(optedInAt) && !o.amountPaid().isZero())
                .sorted(Comparator.comparing(PrepaidOrder::placedAt).thenComparing(PrepaidOrder::orderId))
                .map(o -> new Line(o.orderId(), o.billingAccountId(), o.sku(), o.seats(), o.placedAt(),
                        o.amountPaid().rounded()))
                .toList();
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        Money total = lines.stream().map(Line::amount).reduce(Money::plus).orElseThrow();
        return Optional.of(new PrepaidInvoice(resellerId, month, lines, total));
    }
}
