package io.channelhub.billing.domain.migration;

import io.channelhub.pricing.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * B6: the migration credit statement the reseller downloads: each migrated order and the credit it earned. The
 * topology writes it as CSV, {@link #HEADER} then each row's {@link Row#cells()} and a total row.
 */
public record CreditStatement(String resellerId, Instant migratedAt, List<Row> rows, Money total) {

    public static final List<String> HEADER = List.of("order_id", "billing_account_id", "sku", "outcome",
            "renewal_date", "unused_days", "term_days", "amount_paid", "credit_earned", "currency");

    public record Row(String orderId, String billingAccountId, String sku, OutcomeKind outcome, LocalDate renewalDate,
                      int unusedDays, int termDays, Money amountPaid, Money creditEarned) {

        /** Plain strings, amounts at the currency's scale (X4) without the currency (it has its own column). */
        public List<String> cells() {
            return List.of(orderId, billingAccountId, sku, outcome.name(), renewalDate.toString(),
                    Integer.toString(unusedDays), Integer.toString(termDays), cell(amountPaid), cell(creditEarned),
                    creditEarned.currency().getCurrencyCode());
        }
    }

    public CreditStatement {
        Objects.requireNonNull(resellerId, "resellerId");
        Objects.requireNonNull(total, "total");
        rows = List.copyOf(rows);
    }

    /** One row per migrated order, in the migration's order; the total is the migration's total credit. */
    public static CreditStatement of(Migration migration) {
        List<Row> rows = migration.orders().stream().map(m -> new Row(m.orderId(), m.order().billingAccountId(),
                m.order().sku(), m.kind(), m.order().renewalDate(), m.unusedDays(), m.order().termDays(),
                m.order().amountPaid(), m.credit())).toList();
        return new CreditStatement(migration.resellerId(), migration.migratedAt(), rows, migration.totalCredit());
    }

    /** The last CSV row: "TOTAL" under the order id, the total under credit earned. */
    public List<String> totalCells() {
        return List.of("TOTAL", "", "", "", "", "", "", "", cell(total), total.currency().getCurrencyCode());
    }

    /** "120.00" for the 120.0000 of the wire or a store, "1200" yen: the scale of the currency, half-up (X4). */
    private static String cell(Money money) {
        return money.rounded().amount().toPlainString();
    }
}
