package io.channelhub.billing.domain.invoice;

import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One payer's invoice for one month of service (B4), immutable once issued: corrections are {@link CreditNote}s.
 * The constructor refuses an invoice whose totals do not reconcile to the cent with its lines:
 * {@code subtotal = Σ gross}, {@code discounts = Σ discount}, {@code 0 ≤ creditsApplied ≤ subtotal − discounts},
 * {@code totalDue = subtotal − discounts − creditsApplied}.
 *
 * @param id            derived from payer and month ({@link #idFor}): a replay issues the same invoice
 * @param creditCarried the payer's credit balance left after this invoice
 */
public record Invoice(String id, String payerId, YearMonth month, Instant issuedAt, List<InvoiceLine> lines,
                      Money subtotal, Money discounts, Money creditsApplied, Money totalDue, Money creditCarried) {

    public Invoice {
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(issuedAt, "issuedAt");
        lines = List.copyOf(lines);
        if (!idFor(payerId, month).equals(id)) {
            throw new IllegalArgumentException("Invoice id " + id + " is not the one of " + payerId + " for " + month);
        }
        if (issuedAt.isBefore(endOf(month))) {
            throw new IllegalArgumentException("An invoice for " + month + " is issued after the month: " + issuedAt);
        }
        for (Money amount : List.of(subtotal, discounts, creditsApplied, totalDue, creditCarried)) {
            if (!amount.sameAs(amount.rounded())) {
                throw new IllegalArgumentException("Invoice amounts are to the cent: " + amount);
            }
        }
        Money net = subtotal.minus(discounts);
        check(subtotal.sameAs(sum(lines, InvoiceLine::gross, subtotal)), "subtotal", subtotal);
        check(discounts.sameAs(sum(lines, InvoiceLine::discount, subtotal)), "discounts", discounts);
        check(!creditsApplied.isNegative() && creditsApplied.compareTo(net) <= 0, "credits applied", creditsApplied);
        check(totalDue.sameAs(net.minus(creditsApplied)), "total due", totalDue);
        check(!creditCarried.isNegative(), "credit carried", creditCarried);
    }

    /** Derived from payer and month, the same on every replay. */
    public static String idFor(String payerId, YearMonth month) {
        return EventIds.derive(payerId + "|" + month, "Invoice", 0);
    }

    /** The first instant after the month (UTC): the earliest an invoice for it is issued. */
    public static Instant endOf(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Subtotal less discounts, before credits. */
    public Money net() {
        return subtotal.minus(discounts);
    }

    static Money sum(List<InvoiceLine> lines, Function<InvoiceLine, Money> amount, Money zeroOf) {
        return lines.stream().map(amount).reduce(Money.zero(zeroOf.currency()), Money::plus);
    }

    private static void check(boolean reconciles, String what, Money amount) {
        if (!reconciles) {
            throw new IllegalArgumentException("Invoice does not reconcile: " + what + " " + amount);
        }
    }
}
