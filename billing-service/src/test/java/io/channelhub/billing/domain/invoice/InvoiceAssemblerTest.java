package io.channelhub.billing.domain.invoice;

import static io.channelhub.billing.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.channelhub.billing.domain.charge.ChargeKind;
import io.channelhub.billing.domain.charge.MonthlyCharges;
import io.channelhub.billing.domain.charge.SubscriptionCharge;
import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.AddSeats;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.MoveToPayer;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.StartPlan;
import io.channelhub.pricing.DiscountDecision.Rule;
import io.channelhub.pricing.DiscountTerm;
import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceAssemblerTest {

    static final YearMonth APRIL = YearMonth.of(2024, 4);
    static final YearMonth JUNE = YearMonth.of(2024, 6);
    static final YearMonth JULY = YearMonth.of(2024, 7);

    static Invoice invoice(String payer, YearMonth month, Instant issuedAt, List<Subscription> subscriptions,
                           List<DiscountTerm> discounts, Money credit) {
        List<SubscriptionCharge> charges = new ArrayList<>();
        subscriptions.forEach(s -> charges.addAll(MonthlyCharges.of(s, month)));
        return InvoiceAssembler.assemble(payer, month, issuedAt, charges, discounts, RevenueShares.defaults(),
                credit);
    }

    static Invoice invoice(String payer, YearMonth month, List<Subscription> subscriptions, Money credit) {
        return invoice(payer, month, Invoice.endOf(month), subscriptions, List.of(), credit);
    }

    /** Annual 10 × 3.33 and Flexible with 5 users for 10 days, then 8 for 20, in June. */
    static List<Subscription> seedCustomers() {
        Subscription flexible = apply(flexible("sub-f", 10, "2024-06-01"), new AddSeats(5), "2024-06-01");
        return List.of(annual("sub-a", 10, "2024-06-01"), apply(flexible, new AddSeats(3), "2024-06-11"));
    }

    @Test
    void b2_b4_seedPricesThroughARealInvoice() {
        Invoice invoice = invoice(R1, JUNE, seedCustomers(), usd("0.00"));

        // Annual: 10 × 3.33 = 33.30. Flexible: 210 seat-days × 4.00 / 30 = 28.00. Subtotal 61.30, nothing off.
        assertThat(invoice.lines())
                .extracting(InvoiceLine::number, l -> l.charge().subscriptionId(), l -> l.charge().kind(),
                        l -> l.charge().unitPrice(), InvoiceLine::gross, InvoiceLine::discount, InvoiceLine::net)
                .containsExactly(
                        tuple(1, "sub-a", ChargeKind.ANNUAL_INSTALMENT, usd("3.33"), usd("33.30"), usd("0.00"),
                                usd("33.30")),
                        tuple(2, "sub-f", ChargeKind.FLEXIBLE_USAGE, usd("4.00"), usd("28.00"), usd("0.00"),
                                usd("28.00")));
        assertThat(invoice.subtotal()).isEqualTo(usd("61.30"));
        assertThat(invoice.discounts()).isEqualTo(usd("0.00"));
        assertThat(invoice.totalDue()).isEqualTo(usd("61.30"));
        assertThat(invoice.issuedAt()).isEqualTo(at("2024-07-01")); // for the previous month's service
    }

    @Test
    void b4_aReplayIssuesTheSameInvoiceWithTheSameId() {
        Invoice first = invoice(R1, JUNE, seedCustomers(), usd("0.00"));

        assertThat(invoice(R1, JUNE, seedCustomers(), usd("0.00"))).isEqualTo(first);
        assertThat(first.id()).isEqualTo(Invoice.idFor(R1, JUNE))
                .isNotEqualTo(Invoice.idFor(R1, JULY)).isNotEqualTo(Invoice.idFor(R2, JUNE));
    }

    @Test
    void d6_theDiscountReducesTheLineBeforeTheRevenueShare() {
        // 25 users × 4.00 = a line of exactly 100.00; 10% in effect when the commitment was accepted (D8).
        Subscription annual = apply(null, new StartPlan("sub-100", BA1, R1, ISV, "sku-apps", null, Plan.ANNUAL,
                usd("60.00"), MARGIN, 25), "2024-06-01");
        DiscountTerm tenPercent = discount("disc-10", R1, BA1, "10", "2024-05-25", null);

        Invoice invoice = invoice(R1, JULY, Invoice.endOf(JULY), List.of(annual), List.of(tenPercent), usd("0"));

        InvoiceLine line = invoice.lines().get(0);
        assertThat(line.discountDecision().rule()).isEqualTo(Rule.D8_AT_ACCEPTANCE);
        assertThat(line.discountPercent()).isEqualByComparingTo("10");
        // 100.00 − 10.00 = 90.00 paid; 3% of 90.00 = 2.70; the ISV gets 87.30.
        assertThat(List.of(line.gross(), line.discount(), line.net(), line.payout().revenueShare(),
                line.payout().isvPayout()))
                .containsExactly(usd("100.00"), usd("10.00"), usd("90.00"), usd("2.70"), usd("87.30"));
        assertThat(invoice.totalDue()).isEqualTo(usd("90.00"));
    }

    /** Annual (a commitment) and Flexible (usage, 5 users all April), both accepted on 1 April 2024. */
    static List<Subscription> aprilCustomers() {
        Subscription flexible = apply(flexible("sub-f", 10, "2024-04-01"), new AddSeats(5), "2024-04-01");
        return List.of(annual("sub-a", 10, "2024-04-01"), flexible);
    }

    static List<Object> discountOf(Invoice invoice) {
        return invoice.lines().stream().map(l -> (Object) (l.discountDecision().rule() + " " + l.discount())).toList();
    }

    @Test
    void d9_d10_aDiscountStartedAfterAcceptanceOnBothSidesOfTheCutOver() {
        // Started after the commitment was accepted; cancelled in the afternoon of the cut-over day.
        DiscountTerm started = discount("disc-a", R1, BA1, "10", "2024-05-19", "2024-05-20T12:00:00Z");
        // Lines: Annual 10 × 3.33 = 33.30 (10% = 3.33); Flexible 150 seat-days × 4.00 / 30 = 20.00 (10% = 2.00).

        // Billed on 19 May (D9): any charge billed during the discount gets it, the commitment included.
        Invoice before = invoice(R1, APRIL, at("2024-05-19T18:00:00Z"), aprilCustomers(), List.of(started), usd("0"));
        assertThat(discountOf(before)).containsExactly("D9_AT_BILLING 3.33 USD", "D9_AT_BILLING 2.00 USD");
        assertThat(before.totalDue()).isEqualTo(usd("47.97")); // 29.97 + 18.00

        // Billed on 20 May, after the cancellation: usage looks at billing (D8) and has none; the commitment keeps
        // what was in effect at the cut-over for the rest of its term (D10).
        Invoice after = invoice(R1, APRIL, at("2024-05-20T18:00:00Z"), aprilCustomers(), List.of(started), usd("0"));
        assertThat(discountOf(after)).containsExactly("D10_AT_CUT_OVER 3.33 USD", "D8_AT_BILLING 0.00 USD");
    }

    @Test
    void d8_d10_aDiscountStartingOnTheCutOverDayReachesUsageButNotTheRunningCommitment() {
        DiscountTerm later = discount("disc-b", R1, BA1, "10", "2024-05-20T06:00:00Z", null);

        Invoice before = invoice(R1, APRIL, at("2024-05-19T18:00:00Z"), aprilCustomers(), List.of(later), usd("0"));
        assertThat(discountOf(before)).containsExactly("D9_AT_BILLING 0.00 USD", "D9_AT_BILLING 0.00 USD");

        Invoice after = invoice(R1, APRIL, at("2024-05-20T18:00:00Z"), aprilCustomers(), List.of(later), usd("0"));
        assertThat(discountOf(after)).containsExactly("D10_AT_CUT_OVER 0.00 USD", "D8_AT_BILLING 2.00 USD");
    }

    @Test
    void d8_aSeatAdditionAmendsTheCommitmentAndReEvaluatesItsDiscount() {
        Subscription annual = annual("sub-a", 10, "2024-06-01");
        DiscountTerm later = discount("disc-c", R1, BA1, "10", "2024-06-10", null);

        assertThat(discountOf(invoice(R1, JUNE, Invoice.endOf(JUNE), List.of(annual), List.of(later), usd("0"))))
                .containsExactly("D8_AT_ACCEPTANCE 0.00 USD");
        Subscription amended = apply(annual, new AddSeats(2), "2024-07-16T09:30:00Z");
        // 33.30 and 3.44 (see MonthlyChargesTest), both 10% off at the amendment: 3.33 and 0.34.
        assertThat(discountOf(invoice(R1, JULY, Invoice.endOf(JULY), List.of(amended), List.of(later), usd("0"))))
                .containsExactly("D8_AT_AMENDMENT_OR_RENEWAL 3.33 USD", "D8_AT_AMENDMENT_OR_RENEWAL 0.34 USD");
    }

    @Test
    void t6_b4_aTransferMidMonthShowsTheSplitPeriodOnBothPayersInvoices() {
        Subscription moved = apply(annual("sub-a", 10, "2024-06-01"), new MoveToPayer(R2, BA2),
                "2024-07-11T15:00:00Z");
        // The new payer's customer has had 10% since June; for R2 the transfer is an amendment (D8).
        List<DiscountTerm> discounts = List.of(discount("disc-r2", R2, BA2, "10", "2024-06-15", null));

        Invoice r1 = invoice(R1, JULY, Invoice.endOf(JULY), List.of(moved), discounts, usd("0"));
        Invoice r2 = invoice(R2, JULY, Invoice.endOf(JULY), List.of(moved), discounts, usd("0"));

        // R1 pays 1st–10th: 10.74. R2 pays 11th–31st: 22.56 less 10% (2.256 → 2.26) = 20.30.
        assertThat(r1.lines()).extracting(l -> l.charge().firstDay().getDayOfMonth(),
                l -> l.charge().lastDay().getDayOfMonth(), InvoiceLine::net).containsExactly(tuple(1, 10, usd("10.74")));
        assertThat(r2.lines()).extracting(l -> l.charge().firstDay().getDayOfMonth(),
                l -> l.charge().lastDay().getDayOfMonth(), InvoiceLine::net).containsExactly(tuple(11, 31, usd("20.30")));
        assertThat(r1.id()).isNotEqualTo(r2.id());
    }

    @Test
    void b4_creditsAreAppliedUpToTheTotalAndTheRestCarried() {
        Subscription annual = annual("sub-a", 10, "2024-06-01");

        // June: 33.30 due, 50.00 credit → 33.30 applied, 0.00 due, 16.70 carried.
        Invoice june = invoice(R1, JUNE, List.of(annual), usd("50.00"));
        assertThat(List.of(june.creditsApplied(), june.totalDue(), june.creditCarried()))
                .containsExactly(usd("33.30"), usd("0.00"), usd("16.70"));
        // July: the 16.70 carried → 16.70 applied, 16.60 due, nothing left.
        Invoice july = invoice(R1, JULY, List.of(annual), june.creditCarried());
        assertThat(List.of(july.creditsApplied(), july.totalDue(), july.creditCarried()))
                .containsExactly(usd("16.70"), usd("16.60"), usd("0.00"));
    }

    @Test
    void b4_anInvoiceWhoseTotalsDoNotReconcileIsRefused() {
        Invoice good = invoice(R1, JUNE, seedCustomers(), usd("10.00")); // 61.30 − 10.00 = 51.30

        assertThatThrownBy(() -> new Invoice(good.id(), R1, JUNE, good.issuedAt(), good.lines(), good.subtotal(),
                good.discounts(), good.creditsApplied(), usd("51.31"), good.creditCarried()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("total due 51.31");
        assertThatThrownBy(() -> new Invoice(good.id(), R1, JUNE, good.issuedAt(), good.lines(), usd("61.31"),
                good.discounts(), good.creditsApplied(), usd("51.31"), good.creditCarried()))
                .hasMessageContaining("subtotal");
        assertThatThrownBy(() -> new Invoice(good.id(), R1, JUNE, good.issuedAt(), good.lines(), good.subtotal(),
                good.discounts(), usd("61.31"), usd("-0.01"), good.creditCarried()))
                .hasMessageContaining("credits applied");
        assertThatThrownBy(() -> new Invoice(good.id(), R1, JUNE, good.issuedAt(), good.lines(), good.subtotal(),
                good.discounts(), usd("10.005"), usd("51.295"), good.creditCarried()))
                .hasMessageContaining("to the cent");
        assertThatThrownBy(() -> new Invoice(Invoice.idFor(R2, JUNE), R1, JUNE, good.issuedAt(), good.lines(),
                good.subtotal(), good.discounts(), good.creditsApplied(), good.totalDue(), good.creditCarried()))
                .hasMessageContaining("is not the one of");
        assertThatThrownBy(() -> invoice(R1, JUNE, at("2024-06-30T23:59:59Z"), seedCustomers(), List.of(), usd("0")))
                .hasMessageContaining("issued after the month");
    }

    @Test
    void b4_aChargeOfAnotherMonthIsRefused() {
        List<SubscriptionCharge> july = MonthlyCharges.of(annual("sub-a", 10, "2024-06-01"), JULY);

        assertThatThrownBy(() -> InvoiceAssembler.assemble(R1, JUNE, Invoice.endOf(JUNE), july, List.of(),
                RevenueShares.defaults(), usd("0"))).hasMessageContaining("Charge for 2024-07");
        assertThat(RevenueShares.defaults().percentFor(ISV)).isEqualByComparingTo(new BigDecimal("3"));
    }
}
