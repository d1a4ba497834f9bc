package io.channelhub.billing.domain.migration;

import static io.channelhub.billing.domain.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrepaidInvoiceTest {

    static PrepaidOrder placed(String id, String paid, String placedAt) {
        PrepaidOrder o = order(id, paid.equals("0.00") ? PrepaidStatus.TRIAL : PrepaidStatus.ACTIVE, paid,
                "2026-10-01", "2027-10-01", true);
        return new PrepaidOrder(o.orderId(), o.billingAccountId(), o.customerKind(), o.productType(), o.isvId(),
                o.sku(), o.offerId(), o.seats(), o.amountPaid(), o.termStart(), o.renewalDate(), o.autoRenew(),
                o.status(), o.trialEnd(), at(placedAt));
    }

    @Test
    void ordersPlacedInTheMonthBeforeTheOptInAreOnThePrepaidInvoice() {
        // B7: opt-in 2026-10-02T09:00Z; P1 (10-01) 50.00 + P2 (08:59) 30.00 = 80.00. Left out: September's P0,
        // P3 placed at the opt-in instant (not before it), and the trial T (nothing paid).
        List<PrepaidOrder> orders = List.of(placed("P0", "70.00", "2026-09-30T23:59:59Z"),
                placed("P2", "30.00", "2026-10-02T08:59:00Z"), placed("P1", "50.00", "2026-10-01T10:00:00Z"),
                placed("P3", "20.00", "2026-10-02T09:00:00Z"), placed("T", "0.00", "2026-10-01T11:00:00Z"));
        PrepaidInvoice invoice = PrepaidInvoice.forMigrationMonth(RESELLER, orders, OPT_IN).orElseThrow();
        assertThat(invoice.month()).isEqualTo(YearMonth.of(2026, 10));
        assertThat(invoice.lines()).extracting(PrepaidInvoice.Line::orderId).containsExactly("P1", "P2");
        assertThat(invoice.lines()).extracting(PrepaidInvoice.Line::amount).containsExactly(eur("50.00"), eur("30.00"));
        assertThat(invoice.total()).isEqualTo(eur("80.00"));
    }

    @Test
    void noOrderThatMonthMeansOnlyThePostpaidInvoice() {
        // B7: "up to two": the seed book was placed in January, so October has no prepaid invoice.
        assertThat(PrepaidInvoice.forMigrationMonth(RESELLER, BOOK, OPT_IN)).isEmpty();
    }
}
