package io.channelhub.billing.domain.payout;

import static io.channelhub.billing.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelhub.billing.domain.charge.MonthlyCharges;
import io.channelhub.billing.domain.charge.SubscriptionCharge;
import io.channelhub.billing.domain.invoice.CreditNoteDecider;
import io.channelhub.billing.domain.invoice.Invoice;
import io.channelhub.billing.domain.invoice.InvoiceAssembler;
import io.channelhub.billing.domain.invoice.InvoiceEvents;
import io.channelhub.billing.domain.invoice.RevenueShares;
import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.StartPlan;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.CreditNoteRequested;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.IsvInvoiceLines;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.Payout;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IsvPayoutStatementTest {

    static final YearMonth JULY = YearMonth.of(2024, 7);
    static final Currency USD = Currency.getInstance("USD");

    /** 25 users × 4.00 = 100.00 a month (B2: 60.00 − 20% / 12). */
    static Subscription hundredAMonth(String id, String isv, String payer, String account) {
        return apply(null, new StartPlan(id, account, payer, isv, "sku-apps", null, Plan.ANNUAL, usd("60.00"),
                MARGIN, 25), "2024-06-01");
    }

    static Invoice julyInvoice(String payer, RevenueShares shares, Subscription... subscriptions) {
        List<SubscriptionCharge> charges = new ArrayList<>();
        for (Subscription s : subscriptions) {
            charges.addAll(MonthlyCharges.of(s, JULY));
        }
        return InvoiceAssembler.assemble(payer, JULY, Invoice.endOf(JULY), charges,
                List.of(discount("disc-10", R1, BA1, "10", "2024-05-25", null)), shares, usd("0.00"));
    }

    /** The invoice's lines as billing sends them to each ISV's partition. */
    static List<IsvInvoiceLines> lines(Invoice invoice) {
        return InvoiceEvents.byIsv(InvoiceEvents.issued(invoice, "Payer", "payer@example.com"));
    }

    static List<Money> amounts(Payout payout) {
        return List.of(payout.gross().rounded(), payout.discount().rounded(), payout.net().rounded(),
                payout.revenueShare().rounded(), payout.isvPayout().rounded());
    }

    @Test
    void d6_theSeedStatementFromGrossThroughDiscountAndShareToPayout() {
        Invoice invoice = julyInvoice(R1, RevenueShares.defaults(), hundredAMonth("sub-1", ISV, R1, BA1),
                hundredAMonth("sub-2", "isv-other", R1, BA1));

        IsvPayoutStatement statement = IsvPayoutStatement.of(ISV, JULY, lines(invoice));

        // 100.00 − 10% = 90.00; 3% of 90.00 = 2.70; payout 87.30. The other ISV's line is not ISV's.
        assertThat(statement.entries()).hasSize(1);
        assertThat(amounts(statement.total()))
                .containsExactly(usd("100.00"), usd("10.00"), usd("90.00"), usd("2.70"), usd("87.30"));
    }

    @Test
    void d6_sumsAnIsvsLinesAcrossPayersAtItsOwnRate() {
        RevenueShares fivePercent = new RevenueShares(Map.of(ISV, new BigDecimal("5")));
        Invoice r1 = julyInvoice(R1, fivePercent, hundredAMonth("sub-1", ISV, R1, BA1));
        Invoice r2 = julyInvoice(R2, fivePercent, hundredAMonth("sub-2", ISV, R2, BA2));

        List<IsvInvoiceLines> documents = new ArrayList<>(lines(r1));
        documents.addAll(lines(r2));
        IsvPayoutStatement statement = IsvPayoutStatement.of(ISV, JULY, documents);

        // R1: 100.00 − 10.00 = 90.00, 5% = 4.50, 85.50. R2 (no discount): 100.00, 5% = 5.00, 95.00.
        assertThat(amounts(statement.total()))
                .containsExactly(usd("200.00"), usd("10.00"), usd("190.00"), usd("9.50"), usd("180.50"));
        assertThat(statement.currency()).isEqualTo(USD);
        assertThatThrownBy(() -> IsvPayoutStatement.of(ISV, JULY.plusMonths(1), documents))
                .hasMessageContaining("No lines of " + ISV + " for 2024-08");
    }

    @Test
    void b4_d6_aCreditNoteIsNettedOffTheStatement() {
        Invoice invoice = julyInvoice(R1, RevenueShares.defaults(), hundredAMonth("sub-1", ISV, R1, BA1));
        InvoiceIssued issued = InvoiceEvents.issued(invoice, "Payer", "payer@example.com");
        CreditNoteIssued note = CreditNoteDecider.decide(new CreditNoteRequested(EventIds.origin("correction-1",
                at("2024-08-03"), "support-desk"), R1, "2024-07", List.of(1), "billed in error"), issued,
                line -> Optional.empty()).state();
        List<IsvInvoiceLines> documents = new ArrayList<>(InvoiceEvents.byIsv(issued));
        documents.addAll(InvoiceEvents.byIsv(note));

        IsvPayoutStatement statement = IsvPayoutStatement.of(ISV, JULY, documents);

        assertThat(statement.entries()).hasSize(2);
        assertThat(amounts(statement.total()))
                .containsExactly(usd("0.00"), usd("0.00"), usd("0.00"), usd("0.00"), usd("0.00"));
    }

    @Test
    void d6_aStatementWhoseTotalIsNotItsEntriesIsRefused() {
        Invoice invoice = julyInvoice(R1, RevenueShares.defaults(), hundredAMonth("sub-1", ISV, R1, BA1));
        IsvPayoutStatement statement = IsvPayoutStatement.of(ISV, JULY, lines(invoice));

        assertThatThrownBy(() -> new IsvPayoutStatement(ISV, JULY, USD, statement.entries(),
                Payout.of(usd("100.00"), BigDecimal.ZERO, new BigDecimal("3"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not Σ entries");
    }
}
