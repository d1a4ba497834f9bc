package io.channelhub.billing.domain.invoice;

import static io.channelhub.billing.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.MoveToPayer;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.StartPlan;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceNotIssued;
import io.channelhub.pricing.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** A payer's month-end run: the months due invoiced once, a month that cannot be refused, what another pays let go. */
class MonthEndRunTest {

    static final Instant AUGUST_FIRST = Instant.parse("2024-08-01T00:00:30Z");

    static MonthEndRun.Facts facts(List<Subscription> subscriptions, Set<YearMonth> invoiced) {
        return new MonthEndRun.Facts("Reseller One", "billing@r1.example", subscriptions, Map.of(), null, List.of(),
                RevenueShares.defaults(), invoiced::contains);
    }

    // B4: June and July ended and are not invoiced: one invoice each, in order, and the run moves on to August
    @Test
    void b4_everyEndedMonthNotInvoicedYetIsInvoicedOnce() {
        PayerLedger ledger = PayerLedger.billingFrom(null, at("2024-06-01"));
        MonthEndRun.Outcome run = MonthEndRun.run(R1, ledger, facts(List.of(annual("sub-a", 10, "2024-06-01")),
                Set.of()), AUGUST_FIRST);

        assertThat(run.events()).extracting(e -> ((InvoiceIssued) e).getMonth()).containsExactly("2024-06", "2024-07");
        assertThat(run.events()).allSatisfy(e -> assertThat(((InvoiceIssued) e).getPayerEmail())
                .isEqualTo("billing@r1.example"));
        assertThat(run.invoices()).hasSize(2);
        assertThat(run.ledger().nextMonth()).isEqualTo(YearMonth.of(2024, 8));
        // a month invoiced before is not invoiced again
        assertThat(MonthEndRun.run(R1, ledger, facts(List.of(annual("sub-a", 10, "2024-06-01")),
                Set.of(YearMonth.of(2024, 6))), AUGUST_FIRST).events()).hasSize(1);
    }

    // B4, X1: charges in two currencies cannot make one invoice: refused with the reason, and the run moves on
    @Test
    void b4_aMonthThatCannotMakeOneInvoiceIsRefused() {
        Subscription euros = apply(null, new StartPlan("sub-e", BA2, R1, ISV, "sku-eu", null, Plan.ANNUAL,
                Money.of("50.00", "EUR"), MARGIN, 5), "2024-07-01");
        MonthEndRun.Outcome run = MonthEndRun.run(R1, PayerLedger.billingFrom(null, at("2024-07-01")),
                facts(List.of(annual("sub-a", 10, "2024-07-01"), euros), Set.of()), AUGUST_FIRST);

        assertThat(run.events()).singleElement().isInstanceOfSatisfying(InvoiceNotIssued.class, refused -> {
            assertThat(refused.getMonth()).isEqualTo("2024-07");
            assertThat(refused.getCode()).isEqualTo(InvoiceEvents.NOT_ASSEMBLED);
        });
        assertThat(run.invoices()).isEmpty();
        assertThat(run.ledger().nextMonth()).isEqualTo(YearMonth.of(2024, 8));
    }

    // T6, B4: a subscription another payer took over in July is billed for its July days, then let go
    @Test
    void t6_aSubscriptionHandedOverIsBilledForItsDaysThenLetGo() {
        Subscription moved = apply(annual("sub-a", 10, "2024-06-01"), new MoveToPayer(R2, BA2),
                "2024-07-11T15:00:00Z");
        MonthEndRun.Outcome run = MonthEndRun.run(R1, PayerLedger.billingFrom(null, at("2024-07-01")),
                facts(List.of(moved), Set.of()), AUGUST_FIRST);

        List<SpecificRecord> events = run.events();
        assertThat(events).singleElement().isInstanceOf(InvoiceIssued.class);
        assertThat(run.letGo()).containsExactly("sub-a");
    }
}
