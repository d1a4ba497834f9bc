package io.channelhub.billing.domain.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.domain.migration.CustomerKind;
import io.channelhub.billing.domain.migration.MigrationDecider;
import io.channelhub.billing.domain.migration.MigrationDecision;
import io.channelhub.billing.domain.migration.MigrationSettings;
import io.channelhub.billing.domain.migration.MigrationState;
import io.channelhub.billing.domain.migration.PrepaidOrder;
import io.channelhub.billing.domain.migration.PrepaidStatus;
import io.channelhub.billing.domain.migration.ProductType;
import io.channelhub.pricing.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A payer's month-end position: which months are due (B4), the credit its invoices used (B6), B7's timing. */
class PayerLedgerTest {

    static final YearMonth SEPT = YearMonth.of(2030, 9);

    // B4: billing starts with the earliest month a subscription is billed in, and the run moves on month by month
    @Test
    void b4_theRunCoversEveryEndedMonthFromTheFirstBilled() {
        PayerLedger ledger = PayerLedger.billingFrom(null, Instant.parse("2030-09-15T08:00:00Z"));
        assertThat(ledger.nextMonth()).isEqualTo(SEPT);
        assertThat(ledger.nextRun()).isEqualTo(Instant.parse("2030-10-01T00:00:00Z"));
        // a later plan changes nothing; an earlier one (a handover of August) brings August in
        assertThat(PayerLedger.billingFrom(ledger, Instant.parse("2030-10-02T00:00:00Z"))).isSameAs(ledger);
        PayerLedger august = PayerLedger.billingFrom(ledger, Instant.parse("2030-08-20T00:00:00Z"));
        assertThat(august.nextMonth()).isEqualTo(YearMonth.of(2030, 8));

        assertThat(august.dueMonths(SEPT)).containsExactly(YearMonth.of(2030, 8));
        assertThat(august.dueMonths(YearMonth.of(2030, 11))).containsExactly(YearMonth.of(2030, 8), SEPT,
                YearMonth.of(2030, 10));
        PayerLedger after = august.invoicedBefore(YearMonth.of(2030, 11));
        assertThat(after.dueMonths(YearMonth.of(2030, 11))).isEmpty();
        assertThat(after.nextRun()).isEqualTo(Instant.parse("2030-12-01T00:00:00Z"));
    }

    // B6: the credit left for an invoice is the credit earned less what earlier invoices used; never paid out
    @Test
    void b6_theCreditLeftIsTheCreditEarnedLessWhatInvoicesUsed() {
        MigrationState migration = migrated();
        assertThat(migration.creditBalance()).isEqualTo(eur("120.00"));
        PayerLedger ledger = PayerLedger.billingFrom(null, migration.migratedAt());
        assertThat(ledger.creditLeft(migration)).isSameAs(migration);

        PayerLedger used = ledger.spent(eur("21.33")).spent(eur("40.00")).spent(eur("0.00"));
        assertThat(used.creditSpent()).isEqualTo(eur("61.33"));
        assertThat(used.creditLeft(migration).creditBalance()).isEqualTo(eur("58.67"));
    }

    // B7: the migration month's prepaid invoice is due once that month is over, and once
    @Test
    void b7_thePrepaidInvoiceIsDueAfterTheMigrationMonthOnce() {
        MigrationState migration = migrated();
        PayerLedger ledger = PayerLedger.billingFrom(null, migration.migratedAt());
        assertThat(ledger.prepaidInvoiceDue(migration, SEPT)).isFalse();
        assertThat(ledger.prepaidInvoiceDue(migration, SEPT.plusMonths(1))).isTrue();
        assertThat(ledger.withPrepaidInvoiced().prepaidInvoiceDue(migration, SEPT.plusMonths(2))).isFalse();
    }

    /** A reseller with one active order paid 365.00 for a year, migrated on 2030-09-10: 120 unused days. */
    private static MigrationState migrated() {
        PrepaidOrder order = new PrepaidOrder("P-1", "A-1", CustomerKind.ONLINE, ProductType.STANDARD, "ISV-1",
                "SKU-1", null, 10, eur("365.00"), LocalDate.parse("2030-01-08"), LocalDate.parse("2031-01-08"), true,
                PrepaidStatus.ACTIVE, null, Instant.parse("2030-01-08T00:00:00Z"));
        MigrationDecision decision = MigrationDecider.optIn("R-1", List.of(order), null, MigrationSettings.standard(),
                Instant.parse("2030-09-10T10:00:00Z"));
        return ((MigrationDecision.Accepted) decision).state();
    }

    private static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
