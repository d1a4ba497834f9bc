package io.channelhub.billing.domain.invoice;

import io.channelhub.billing.domain.migration.MigrationState;
import io.channelhub.pricing.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A payer's billing position, kept by its month-end run: the first month not invoiced yet (B4), the migration
 * credit its invoices used so far (B6) and whether its migration month's prepaid invoice was issued (B7).
 *
 * @param creditSpent null until an invoice used migration credit
 */
public record PayerLedger(YearMonth nextMonth, Money creditSpent, boolean prepaidInvoiced) {

    public PayerLedger {
        Objects.requireNonNull(nextMonth, "nextMonth");
    }

    /** B4: a subscription billed from {@code at} brings the first month to invoice back to its month, never on. */
    public static PayerLedger billingFrom(PayerLedger ledger, Instant at) {
        YearMonth month = YearMonth.from(at.atZone(ZoneOffset.UTC));
        if (ledger == null) {
            return new PayerLedger(month, null, false);
        }
        return month.isBefore(ledger.nextMonth) ? new PayerLedger(month, ledger.creditSpent, ledger.prepaidInvoiced)
                : ledger;
    }

    /** B4: the months that ended before {@code current} and are not invoiced yet, oldest first. */
    public List<YearMonth> dueMonths(YearMonth current) {
        List<YearMonth> due = new ArrayList<>();
        for (YearMonth month = nextMonth; month.isBefore(current); month = month.plusMonths(1)) {
            due.add(month);
        }
        return due;
    }

    /** When the next month-end run is due: as the month after the first one not invoiced begins. */
    public Instant nextRun() {
        return nextMonth.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Every month before {@code current} is invoiced. */
    public PayerLedger invoicedBefore(YearMonth current) {
        return current.isAfter(nextMonth) ? new PayerLedger(current, creditSpent, prepaidInvoiced) : this;
    }

    /** B6: the migration as its credit stands for the next invoice: the credit earned less what invoices used. */
    public MigrationState creditLeft(MigrationState migration) {
        return creditSpent == null ? migration
                : migration.withCreditBalance(migration.creditBalance().minus(creditSpent));
    }

    /** B6: an invoice used this much migration credit. */
    public PayerLedger spent(Money credit) {
        if (credit.isZero()) {
            return this;
        }
        return new PayerLedger(nextMonth, creditSpent == null ? credit : creditSpent.plus(credit), prepaidInvoiced);
    }

    /** B7: the migration month's prepaid invoice is due once that month is over, once. */
    public boolean prepaidInvoiceDue(MigrationState migration, YearMonth current) {
        return !prepaidInvoiced && YearMonth.from(migration.migratedAt().atZone(ZoneOffset.UTC)).isBefore(current);
    }

    public PayerLedger withPrepaidInvoiced() {
        return new PayerLedger(nextMonth, creditSpent, true);
    }
}
