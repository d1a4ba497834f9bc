package io.channelhub.billing.domain.migration;

import static io.channelhub.billing.domain.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.pricing.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditStatementTest {

    @Test
    void oneRowPerMigratedOrderAndTheTotal() {
        // B6: five orders, five rows; total 29.92 + 0.00 + 0.00 + 18.00 + 3.60 = 51.52.
        CreditStatement statement = CreditStatement.of(migrated().migration());
        assertThat(statement.rows()).extracting(CreditStatement.Row::orderId).containsExactly("A", "B", "C", "D", "E");
        assertThat(statement.rows().get(0).cells()).containsExactly("A", "ba-A", "sku-apps", "ANNUAL", "2027-01-01",
                "91", "365", "120.00", "29.92", "EUR");
        assertThat(statement.rows().get(3).cells()).containsExactly("D", "ba-D", "sku-apps", "FINAL_TRIAL",
                "2026-10-20", "18", "365", "365.00", "18.00", "EUR");
        assertThat(statement.rows().get(2).outcome()).isEqualTo(OutcomeKind.FINAL_TRIAL);
        assertThat(statement.rows().get(2).unusedDays()).isZero();
        assertThat(statement.total()).isEqualTo(eur("51.52"));
        assertThat(statement.totalCells()).containsExactly("TOTAL", "", "", "", "", "", "", "", "51.52", "EUR");
        assertThat(CreditStatement.HEADER).hasSize(statement.rows().get(0).cells().size());
        assertThat(statement.resellerId()).isEqualTo(RESELLER);
    }

    // B6, X4: every amount of the CSV at the scale of its currency, whatever scale it was kept at (the wire's four
    // decimals, a store's stripped zeros): 2 for EUR, 0 for JPY, 3 for BHD
    @Test
    void amountsAreWrittenAtTheirCurrencysScale() {
        CreditStatement euros = new CreditStatement(RESELLER, Instant.parse("2026-10-02T09:00:00Z"), List.of(
                new CreditStatement.Row("A", "ba-A", "sku-apps", OutcomeKind.ANNUAL, day("2027-01-01"), 91, 365,
                        Money.of("120.0000", "EUR"), Money.of("29.9", "EUR"))), Money.of("29.90000", "EUR"));
        assertThat(euros.rows().get(0).cells()).containsSequence("120.00", "29.90", "EUR");
        assertThat(euros.totalCells()).containsSequence("29.90", "EUR");

        CreditStatement yen = new CreditStatement(RESELLER, Instant.parse("2026-10-02T09:00:00Z"), List.of(
                new CreditStatement.Row("A", "ba-A", "sku-apps", OutcomeKind.ANNUAL, day("2027-01-01"), 91, 365,
                        Money.of("12000.0000", "JPY"), Money.of("2991.78", "JPY"))), Money.of("2991.78", "JPY"));
        assertThat(yen.rows().get(0).cells()).containsSequence("12000", "2992", "JPY");
        assertThat(yen.totalCells()).containsSequence("2992", "JPY");

        CreditStatement dinars = new CreditStatement(RESELLER, Instant.parse("2026-10-02T09:00:00Z"), List.of(
                new CreditStatement.Row("A", "ba-A", "sku-apps", OutcomeKind.ANNUAL, day("2027-01-01"), 91, 365,
                        Money.of("120", "BHD"), Money.of("29.9178", "BHD"))), Money.of("29.9178", "BHD"));
        assertThat(dinars.rows().get(0).cells()).containsSequence("120.000", "29.918", "BHD");
    }
}
