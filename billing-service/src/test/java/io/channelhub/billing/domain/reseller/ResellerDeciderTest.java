package io.channelhub.billing.domain.reseller;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.domain.reseller.ResellerCommand.FileExemptionCertificate;
import io.channelhub.billing.domain.reseller.ResellerCommand.MonthStarted;
import io.channelhub.billing.domain.reseller.ResellerCommand.PlaceOrder;
import io.channelhub.billing.domain.reseller.ResellerCommand.RecordPayment;
import io.channelhub.billing.domain.reseller.ResellerCommand.Register;
import io.channelhub.billing.domain.reseller.ResellerCommand.RequestTemporaryLicence;
import io.channelhub.billing.domain.reseller.ResellerCommand.SetDiscount;
import io.channelhub.billing.domain.reseller.ResellerDecision.Accepted;
import io.channelhub.billing.domain.reseller.ResellerDecision.Refused;
import io.channelhub.billing.domain.reseller.ResellerOutcome.OrderPlaced;
import io.channelhub.billing.domain.reseller.ResellerOutcome.OrderReleased;
import io.channelhub.billing.domain.reseller.ResellerOutcome.PaymentRecorded;
import io.channelhub.billing.domain.reseller.ResellerOutcome.Placement;
import io.channelhub.billing.domain.reseller.ResellerOutcome.PrepayEnded;
import io.channelhub.billing.domain.reseller.ResellerOutcome.PrepayStarted;
import io.channelhub.billing.domain.reseller.ResellerOutcome.Registered;
import io.channelhub.billing.domain.reseller.ResellerOutcome.StatementIssued;
import io.channelhub.billing.domain.reseller.ResellerOutcome.TemporaryLicenceIssued;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.Money;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResellerDeciderTest {

    static final ResellerSettings SETTINGS = ResellerSettings.standard(new BigDecimal("12")); // 10%, 30 days, 12%/y
    static final SalesTaxRates RATES = new SalesTaxRates(Map.of("NY", new BigDecimal("8.875")));

    // ---- helpers -------------------------------------------------------------------------------------------

    static Instant at(String instant) {
        return Instant.parse(instant.length() == 10 ? instant + "T00:00:00Z" : instant);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static ResellerDecision decide(ResellerCommand command, ResellerAccount state, String at) {
        return ResellerDecider.decide(command, state, SETTINGS, RATES, at(at));
    }

    static Accepted accepted(ResellerCommand command, ResellerAccount state, String at) {
        ResellerDecision decision = decide(command, state, at);
        assertThat(decision).isInstanceOf(Accepted.class);
        return (Accepted) decision;
    }

    static ResellerAccount apply(ResellerAccount state, ResellerCommand command, String at) {
        return accepted(command, state, at).state();
    }

    static Refused refused(ResellerCommand command, ResellerAccount state, String at) {
        ResellerDecision decision = decide(command, state, at);
        assertThat(decision).isInstanceOf(Refused.class);
        return (Refused) decision;
    }

    static ResellerAccount registered(String country, String usState) {
        return apply(null, new Register("r-1", "Acme Software", "billing@acme.test", country, usState,
                BusinessType.SOFTWARE_RESELLER), "2024-04-01");
    }

    /** One line, one unit at {@code unitPrice}. */
    static PlaceOrder order(String id, Money unitPrice) {
        return new PlaceOrder(id, "Jane Doe", "Jane@Customer.test", List.of(new OrderLine("sku-apps", 1, unitPrice)));
    }

    static <T> T only(Accepted accepted, Class<T> type) {
        return accepted.outcomes().stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** R4 passed: three orders of 100.00 − 10% = 90.00 placed and paid in early April. */
    static ResellerAccount established() {
        ResellerAccount state = registered("DE", null);
        for (String id : List.of("o-1", "o-2", "o-3")) {
            state = apply(state, order(id, eur("100.00")), "2024-04-01");
            state = apply(state, new RecordPayment(id, PaymentMethod.WIRE, eur("90.00")), "2024-04-02");
        }
        assertThat(state.established()).isTrue();
        return state;
    }

    /** R5 set-up: o-4 on credit on 17 April, due 17 May: 1111.11 − 111.11 (10%, 111.111 half-up) = 1000.00. */
    static ResellerAccount withOrderOnCredit() {
        return apply(established(), order("o-4", eur("1111.11")), "2024-04-17T10:00:00Z");
    }

    // ---- R1 ------------------------------------------------------------------------------------------------

    @Test
    void r1_consultanciesAreNotEligible() {
        Refused refusal = refused(new Register("r-9", "Advice Ltd", "a@advice.test", "GB", null,
                BusinessType.CONSULTANCY), null, "2024-04-01");

        assertThat(refusal.reasons()).containsExactly(RefusalReason.NOT_ELIGIBLE);
        assertThat(decide(new Register("r-8", "Integrate Inc", "i@int.test", "GB", null,
                BusinessType.SYSTEM_INTEGRATOR), null, "2024-04-01")).isInstanceOf(Accepted.class);
    }

    @Test
    void r1_tenPercentOffRetailByDefaultWithoutAQuote() {
        Accepted registration = accepted(new Register("r-1", "Acme", "b@acme.test", "de", null,
                BusinessType.SOFTWARE_RESELLER), null, "2024-04-01");

        assertThat(registration.outcomes()).containsExactly(new Registered("r-1", new BigDecimal("10")));
        assertThat(registration.state().country()).isEqualTo("DE");
        // 200.00 − 10% = 200.00 − 20.00 = 180.00
        OrderPricing pricing = only(accepted(order("o-1", eur("200.00")), registration.state(), "2024-04-02"),
                OrderPlaced.class).order().pricing();
        assertThat(pricing.discount()).isEqualTo(eur("20.00"));
        assertThat(pricing.net()).isEqualTo(eur("180.00"));
    }

    @Test
    void r1_theDiscountIsConfigurablePerReseller() {
        ResellerAccount state = apply(registered("DE", null), new SetDiscount(new BigDecimal("15")), "2024-04-01");

        // 200.00 × 15% = 30.00 → net 170.00
        OrderPricing pricing = only(accepted(order("o-1", eur("200.00")), state, "2024-04-02"), OrderPlaced.class)
                .order().pricing();
        assertThat(pricing.discount()).isEqualTo(eur("30.00"));
        assertThat(pricing.net()).isEqualTo(eur("170.00"));
        assertThat(refused(new SetDiscount(new BigDecimal("100")), state, "2024-04-02").reasons())
                .containsExactly(RefusalReason.INVALID_PERCENT);
    }

    // ---- R2 ------------------------------------------------------------------------------------------------

    @Test
    void r2_orderFiguresLineByLineHalfUpAtTheLine() {
        PlaceOrder place = new PlaceOrder("o-1", "Jane Doe", "jane@customer.test", List.of(
                new OrderLine("sku-apps", 3, eur("100.00")), new OrderLine("sku-backup", 2, eur("333.33"))));

        ResellerOrder order = only(accepted(place, registered("DE", null), "2024-04-01T09:00:00Z"),
                OrderPlaced.class).order();

        OrderPricing p = order.pricing();
        // line 1: 3 × 100.00 = 300.00, 10% = 30.00, net 270.00
        // line 2: 2 × 333.33 = 666.66, 10% = 66.666 → 66.67, net 599.99
        assertThat(p.lines()).extracting(OrderPricing.Line::retail).containsExactly(eur("300.00"), eur("666.66"));
        assertThat(p.lines()).extracting(OrderPricing.Line::discount).containsExactly(eur("30.00"), eur("66.67"));
        assertThat(p.subtotal()).isEqualTo(eur("966.66"));
        assertThat(p.discount()).isEqualTo(eur("96.67"));
        assertThat(p.net()).isEqualTo(eur("869.99"));
        assertThat(p.salesTax()).isEqualTo(eur("0.00")); // DE: no sales tax here (R6)
        assertThat(p.total()).isEqualTo(eur("869.99"));
        assertThat(order.shipTo()).isEqualTo(new EndCustomer("Jane Doe", "jane@customer.test"));
        assertThat(order.dueDate()).isEqualTo(LocalDate.parse("2024-05-01")); // 1 April + 30 days
    }

    @Test
    void r2_onPaymentTheLicencesGoToTheCustomerMatchedByEmail() {
        ResellerAccount state = apply(registered("DE", null), order("o-1", eur("100.00")), "2024-04-01");

        Accepted paid = accepted(new RecordPayment("o-1", PaymentMethod.WIRE, eur("90.00")), state, "2024-04-03");

        OrderReleased released = only(paid, OrderReleased.class);
        assertThat(released.customer().accountKey()).isEqualTo("jane@customer.test"); // "Jane@Customer.test"
        assertThat(released.licences()).extracting(Licence::sku).containsExactly("sku-apps");
    }

    @Test
    void r2_badOrdersAreRefusedAndNothingChanges() {
        ResellerAccount state = apply(registered("DE", null), order("o-1", eur("100.00")), "2024-04-01");

        assertThat(refused(order("o-1", eur("5.00")), state, "2024-04-02").reasons())
                .containsExactly(RefusalReason.DUPLICATE_ORDER);
        assertThat(refused(new PlaceOrder("o-2", "Jane", "jane@c.test", List.of()), state, "2024-04-02").reasons())
                .containsExactly(RefusalReason.MISSING_FIELD);
        assertThat(refused(new PlaceOrder("o-2", "Jane", "jane@c.test",
                List.of(new OrderLine("sku", 0, eur("5.00")))), state, "2024-04-02").reasons())
                .containsExactly(RefusalReason.NOT_POSITIVE);
        assertThat(refused(order("o-2", Money.of("5.00", "USD")), state, "2024-04-02").reasons())
                .containsExactly(RefusalReason.CURRENCY_MISMATCH);
        assertThat(refused(order("o-2", eur("5.00")), null, "2024-04-02").reasons())
                .containsExactly(RefusalReason.NOT_REGISTERED);
        assertThat(state.orders()).hasSize(1);
    }

    // ---- R3 ------------------------------------------------------------------------------------------------

    @Test
    void r3_aCardPaymentIsRefused() {
        ResellerAccount state = apply(registered("DE", null), order("o-1", eur("100.00")), "2024-04-01");

        Refused refusal = refused(new RecordPayment("o-1", PaymentMethod.CARD, eur("90.00")), state, "2024-04-02");

        assertThat(refusal.reasons()).containsExactly(RefusalReason.CARD_NOT_ACCEPTED);
        assertThat(state.order("o-1").orElseThrow().status()).isEqualTo(OrderStatus.HELD_UNTIL_PAID);
    }

    // ---- R4 ------------------------------------------------------------------------------------------------

    @Test
    void r4_theFirstThreeOrdersAreHeldUntilPaidThenReleasedWithReplayableKeys() {
        ResellerAccount state = registered("DE", null);
        for (String id : List.of("o-1", "o-2", "o-3")) {
            Accepted placed = accepted(order(id, eur("100.00")), state, "2024-04-01");
            assertThat(placed.outcomes()).containsExactly(new OrderPlaced(placed.state().order(id).orElseThrow(),
                    Placement.HELD_NEW_RESELLER)); // no OrderReleased
            state = placed.state();
        }
        assertThat(state.order("o-1").orElseThrow().licences()).isEmpty();

        Accepted paid = accepted(new RecordPayment("o-1", PaymentMethod.WIRE, eur("90.00")), state, "2024-04-02");

        String key = EventIds.derive("o-1", "licence", 1); // the same on every replay
        assertThat(only(paid, OrderReleased.class).licences())
                .containsExactly(new Licence(1, "sku-apps", 1, key));
        assertThat(paid.state().order("o-1").orElseThrow().status()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.state().established()).isFalse(); // o-2 and o-3 still unpaid
    }

    @Test
    void r4_aTemporaryLicenceOnRequestForAHeldUnpaidOrderOnly() {
        ResellerAccount state = apply(registered("DE", null), order("o-1", eur("100.00")), "2024-04-01");

        Accepted issued = accepted(new RequestTemporaryLicence("o-1"), state, "2024-04-01T12:00:00Z");

        TemporaryLicence licence = only(issued, TemporaryLicenceIssued.class).licence();
        assertThat(licence.expiresAt()).isEqualTo(at("2024-05-01T12:00:00Z")); // 30 days (settings)
        assertThat(issued.state().order("o-1").orElseThrow().temporaryLicence()).isEqualTo(licence);
        assertThat(refused(new RequestTemporaryLicence("o-1"), issued.state(), "2024-04-02").reasons())
                .containsExactly(RefusalReason.TEMPORARY_LICENCE_ALREADY_ISSUED);
        ResellerAccount paid = apply(issued.state(), new RecordPayment("o-1", PaymentMethod.WIRE, eur("90.00")),
                "2024-04-03");
        assertThat(refused(new RequestTemporaryLicence("o-1"), paid, "2024-04-03").reasons())
                .containsExactly(RefusalReason.NOT_HELD);
        assertThat(refused(new RequestTemporaryLicence("o-9"), paid, "2024-04-03").reasons())
                .containsExactly(RefusalReason.UNKNOWN_ORDER);
    }

    @Test
    void r4_theFourthOrderIsReleasedAtOnceOnceTheFirstThreeArePaid() {
        Accepted fourth = accepted(order("o-4", eur("100.00")), established(), "2024-04-10");

        OrderPlaced placed = only(fourth, OrderPlaced.class);
        assertThat(placed.placement()).isEqualTo(Placement.RELEASED_ON_CREDIT);
        assertThat(placed.order().status()).isEqualTo(OrderStatus.RELEASED_ON_CREDIT);
        assertThat(only(fourth, OrderReleased.class).licences()).hasSize(1);
    }

    @Test
    void r4_aFourthOrderPlacedBeforeTheThirdIsPaidIsStillHeld() {
        ResellerAccount state = registered("DE", null);
        for (String id : List.of("o-1", "o-2", "o-3")) {
            state = apply(state, order(id, eur("100.00")), "2024-04-01");
        }
        state = apply(state, new RecordPayment("o-1", PaymentMethod.WIRE, eur("90.00")), "2024-04-02");

        assertThat(only(accepted(order("o-4", eur("100.00")), state, "2024-04-03"), OrderPlaced.class).placement())
                .isEqualTo(Placement.HELD_NEW_RESELLER);
    }

    // ---- R5 ------------------------------------------------------------------------------------------------

    @Test
    void r5_theMonthStartStatementChargesInterestOnAnOverdueOrderAndStartsPrepay() {
        ResellerAccount state = withOrderOnCredit();
        // 1 May: due 17 May, not overdue yet
        Accepted may = accepted(new MonthStarted(YearMonth.of(2024, 5)), state, "2024-05-01");
        assertThat(only(may, StatementIssued.class).statement().interestTotal()).isEqualTo(eur("0.00"));
        assertThat(may.state().onPrepay()).isFalse();

        Accepted june = accepted(new MonthStarted(YearMonth.of(2024, 6)), may.state(), "2024-06-01");

        Statement statement = only(june, StatementIssued.class).statement();
        // 17 May → 1 June = 15 days; 1000.00 × 0.12 × 15 / 365 = 4.9315… → 4.93
        assertThat(statement.lines()).containsExactly(new Statement.Line("o-4", LocalDate.parse("2024-04-17"),
                LocalDate.parse("2024-05-17"), OrderStatus.RELEASED_ON_CREDIT, eur("1000.00"), 15, eur("4.93"),
                eur("1004.93")));
        assertThat(statement.amountDue()).isEqualTo(eur("1004.93"));
        assertThat(june.outcomes()).contains(new PrepayStarted(List.of("o-4")));
        assertThat(june.state().onPrepay()).isTrue();
    }

    @Test
    void r5_newResellersGetNoStatement() {
        ResellerAccount state = apply(registered("DE", null), order("o-1", eur("100.00")), "2024-04-01");

        assertThat(accepted(new MonthStarted(YearMonth.of(2024, 6)), state, "2024-06-01").outcomes()).isEmpty();
    }

    @Test
    void r5_aFifthOrderWhileOnPrepayIsHeldUntilPaid() {
        ResellerAccount onPrepay = apply(withOrderOnCredit(), new MonthStarted(YearMonth.of(2024, 6)), "2024-06-01");

        Accepted fifth = accepted(order("o-5", eur("100.00")), onPrepay, "2024-06-03");

        assertThat(fifth.outcomes()).containsExactly(new OrderPlaced(fifth.state().order("o-5").orElseThrow(),
                Placement.HELD_PREPAY));
    }

    @Test
    void r5_anOrderPlacedAfterAnotherWentOverdueStartsPrepayWithoutWaitingForTheStatement() {
        Accepted placed = accepted(order("o-5", eur("100.00")), withOrderOnCredit(), "2024-05-20"); // o-4 3 days late

        assertThat(placed.outcomes()).startsWith(new PrepayStarted(List.of("o-4")));
        assertThat(only(placed, OrderPlaced.class).placement()).isEqualTo(Placement.HELD_PREPAY);
    }

    @Test
    void r5_paymentWithInterestClearsPrepay() {
        ResellerAccount state = apply(withOrderOnCredit(), new MonthStarted(YearMonth.of(2024, 6)), "2024-06-01");
        state = apply(state, order("o-5", eur("100.00")), "2024-06-03");
        // 17 May → 5 June = 19 days; 1000.00 × 0.12 × 19 / 365 = 6.2465… → 6.25; due 1006.25
        Refused shortOfInterest = refused(new RecordPayment("o-4", PaymentMethod.WIRE, eur("1000.00")), state,
                "2024-06-05");
        assertThat(shortOfInterest.reasons()).containsExactly(RefusalReason.AMOUNT_SHORT);
        // issue 23: money in a message at the currency's scale, though the total is computed to four places
        assertThat(shortOfInterest.detail()).isEqualTo("1000.00 EUR does not cover 1006.25 EUR: total 1000.00 EUR"
                + " + interest 6.25 EUR for 19 days overdue");

        Accepted paid = accepted(new RecordPayment("o-4", PaymentMethod.WIRE, eur("1006.25")), state, "2024-06-05");

        assertThat(paid.outcomes()).containsExactly(
                new PaymentRecorded("o-4", eur("1006.25"), eur("6.25"), eur("0.00")), new PrepayEnded());
        assertThat(paid.state().onPrepay()).isFalse();
        assertThat(paid.state().order("o-4").orElseThrow().interestCharged()).isEqualTo(eur("6.25"));
        // o-5 still waits for its own payment; the next order is on credit again
        assertThat(paid.state().order("o-5").orElseThrow().status()).isEqualTo(OrderStatus.HELD_UNTIL_PAID);
        assertThat(only(accepted(order("o-6", eur("100.00")), paid.state(), "2024-06-06"), OrderPlaced.class)
                .placement()).isEqualTo(Placement.RELEASED_ON_CREDIT);
    }

    // ---- R6 ------------------------------------------------------------------------------------------------

    @Test
    void r6_aUsResellerIsTaxedAtItsStateUnlessExemptOnTheOrderDate() {
        ResellerAccount ny = registered("US", "NY");
        PlaceOrder place = order("o-1", Money.of("1000.00", "USD"));

        // 1000.00 − 10% = 900.00; × 8.875% = 79.875 → 79.88; total 979.88
        OrderPricing taxed = only(accepted(place, ny, "2024-04-02"), OrderPlaced.class).order().pricing();
        assertThat(taxed.salesTax()).isEqualTo(Money.of("79.88", "USD"));
        assertThat(taxed.total()).isEqualTo(Money.of("979.88", "USD"));

        ResellerAccount exempt = apply(ny, new FileExemptionCertificate("ex-1", LocalDate.parse("2024-04-02")),
                "2024-04-01");
        assertThat(only(accepted(place, exempt, "2024-04-02T23:59:59Z"), OrderPlaced.class).order().pricing()
                .salesTax()).isEqualTo(Money.of("0.00", "USD")); // its last valid day
        assertThat(only(accepted(place, exempt, "2024-04-03"), OrderPlaced.class).order().pricing()
                .salesTax()).isEqualTo(Money.of("79.88", "USD")); // expired the day before
    }

    @Test
    void r6_certificatesAreForUsResellersAndEveryTaxedStateNeedsARate() {
        assertThat(refused(new FileExemptionCertificate("ex-1", LocalDate.parse("2025-01-01")),
                registered("DE", null), "2024-04-01").reasons()).containsExactly(RefusalReason.NOT_US_RESELLER);
        assertThat(refused(order("o-1", Money.of("10.00", "USD")), registered("US", "TX"), "2024-04-01").reasons())
                .containsExactly(RefusalReason.TAX_RATE_UNKNOWN);
        assertThat(refused(new Register("r-2", "Acme US", "b@acme.test", "US", null,
                BusinessType.SOFTWARE_RESELLER), null, "2024-04-01").reasons())
                .containsExactly(RefusalReason.MISSING_FIELD);
    }

    // ---- R7 ------------------------------------------------------------------------------------------------

    @Test
    void r7_theCustomerSeesOrderSkuAndLicenceNeverAPrice() {
        OrderReleased released = only(accepted(order("o-4", eur("100.00")), established(), "2024-04-10"),
                OrderReleased.class);

        CustomerView view = released.customerView();
        assertThat(view.orderId()).isEqualTo("o-4");
        assertThat(view.licences()).containsExactly(
                new CustomerView.Entry("sku-apps", 1, released.licences().get(0).key()));
        assertNoAmounts(CustomerView.class);
    }

    /** Structural: no component, however deep, can carry money or a figure that could be a price. */
    static void assertNoAmounts(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> componentType = component.getType();
            assertThat(componentType).as(type.getSimpleName() + "." + component.getName())
                    .isNotIn(Money.class, BigDecimal.class, double.class, Double.class, long.class, Long.class);
            if (componentType.isRecord()) {
                assertNoAmounts(componentType);
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (nested.isRecord()) {
                assertNoAmounts(nested); // the list's element type
            }
        }
    }

    // ---- determinism ---------------------------------------------------------------------------------------

    @Test
    void x_aReplayDecidesTheSame() {
        ResellerAccount state = established();
        PlaceOrder place = order("o-4", eur("100.00"));

        assertThat(decide(place, state, "2024-04-10")).isEqualTo(decide(place, state, "2024-04-10"));
        assertThat(decide(new MonthStarted(YearMonth.of(2024, 6)), withOrderOnCredit(), "2024-06-01"))
                .isEqualTo(decide(new MonthStarted(YearMonth.of(2024, 6)), withOrderOnCredit(), "2024-06-01"));
    }
}
