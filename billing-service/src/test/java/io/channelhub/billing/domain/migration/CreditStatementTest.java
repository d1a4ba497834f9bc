package io.channelhub.billing.domain.migration;

import static io.channelhub.billing.domain.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

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
}
