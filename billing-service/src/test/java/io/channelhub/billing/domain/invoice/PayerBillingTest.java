package io.channelhub.billing.domain.invoice;

import static io.channelhub.billing.domain.Fixtures.BA1;
import static io.channelhub.billing.domain.Fixtures.ISV;
import static io.channelhub.billing.domain.Fixtures.MARGIN;
import static io.channelhub.billing.domain.Fixtures.R1;
import static io.channelhub.billing.domain.Fixtures.R2;
import static io.channelhub.billing.domain.Fixtures.at;
import static io.channelhub.billing.domain.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.domain.migration.MigrationFixtures;
import io.channelhub.billing.domain.migration.MigrationState;
import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.billing.domain.subscription.PriceList;
import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.CreditNoteRefused;
import io.channelhub.billing.event.CreditNoteRequested;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.IsvInvoiceLines;
import io.channelhub.billing.event.SubscriptionHandedOver;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.billing.event.SubscriptionRefused;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.common.event.EventMeta;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.testing.DeciderScenario;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.DiscountTerm;
import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** A payer as the host runs it: plans decided, the month-end tick turned into invoices, corrections into notes. */
class PayerBillingTest {

    /** The seed price list (B2: 50.00 a user-year, 20% margin) and a payer the directory knows. */
    static final class Facts implements PayerBilling.Facts {

        MigrationState migration;

        @Override
        public PriceList prices() {
            return new PriceList() {
                @Override
                public Money listPerUserYear(String sku, Plan plan) {
                    return sku.equals("sku-apps") ? usd("50.00") : null;
                }

                @Override
                public BigDecimal marginPercent(String resellerId) {
                    return MARGIN;
                }
            };
        }

        @Override
        public Optional<Directory.Organisation> payer(String payerId) {
            return Optional.of(new Directory.Organisation(payerId, "Reseller One", "billing@r1.example"));
        }

        @Override
        public MigrationState migration(String payerId) {
            return migration;
        }

        @Override
        public List<DiscountTerm> terms(String payerId) {
            return List.of();
        }

        @Override
        public RevenueShares revenueShares() {
            return RevenueShares.defaults();
        }
    }

    final PayerBilling billing = new PayerBilling();
    final Facts facts = new Facts();
    final DeciderScenario<PayerBook, PayerBilling.Facts> payer = DeciderScenario.given(billing, facts);

    // B1, B2, B4: a plan is priced and kept; the month-end tick invoices its month once, its lines go to the ISV
    @Test
    void b4_theMonthEndTickInvoicesTheMonthOnce() {
        assertThat(payer.when(plan("p-1", "sub-a", "sku-apps", "2024-06-01"))).singleElement()
                .isInstanceOfSatisfying(SubscriptionUpdated.class, updated -> assertThat(AvroMoney.fromAvro(
                        updated.getUnitPrice()).rounded().sameAs(usd("3.33"))).isTrue());
        assertThat(billing.nextDeadline(payer.state())).contains(at("2024-07-01"));

        assertThat(tick("2024-06-30T23:59:00Z")).isEmpty();
        List<SpecificRecord> run = tick("2024-07-01T00:00:30Z");
        assertThat(run).hasSize(2);
        InvoiceIssued invoice = (InvoiceIssued) run.get(0);
        assertThat(invoice.getMonth()).isEqualTo("2024-06");
        assertThat(invoice.getPayerName()).isEqualTo("Reseller One");
        assertThat(run.get(1)).isInstanceOfSatisfying(IsvInvoiceLines.class, lines -> {
            assertThat(lines.getIsvId()).isEqualTo(ISV);
            assertThat(lines.getInvoiceId()).isEqualTo(invoice.getInvoiceId());
        });
        assertThat(payer.state().invoice(YearMonth.of(2024, 6))).contains(invoice);
        assertThat(billing.nextDeadline(payer.state())).contains(at("2024-08-01"));
        // X2: a tick again in July issues nothing more
        assertThat(tick("2024-07-01T01:00:00Z")).isEmpty();
    }

    // B4: a command after the month's end finds the month invoiced first, tick or no tick
    @Test
    void b4_aCommandAfterTheMonthEndHasTheRunFirst() {
        payer.givenHistory(plan("p-1", "sub-a", "sku-apps", "2024-06-01"));

        List<SpecificRecord> events = payer.when(plan("p-2", "sub-b", "sku-apps", "2024-07-03"));

        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("InvoiceIssued", "IsvInvoiceLines", "SubscriptionUpdated");
        assertThat(((InvoiceIssued) events.get(0)).getLines()).extracting(l -> l.getSubscriptionId())
                .containsOnly("sub-a");
    }

    // B2: a plan without a list price is refused with its code, and nothing is billed
    @Test
    void b2_aPlanWithoutAPriceIsRefused() {
        SubscriptionRefused refused = (SubscriptionRefused) payer.when(plan("p-1", "sub-a", "sku-none",
                "2024-06-01")).get(0);

        assertThat(refused.getReasons()).containsExactly("PRICE_UNKNOWN");
        assertThat(billing.refusalReasons(refused)).containsExactly("PRICE_UNKNOWN");
        assertThat(billing.nextDeadline(payer.state())).isEmpty();
    }

    // B4: a correction is a credit note of whole lines, netted off the ISV's statement; a line credits once
    @Test
    void b4_aCorrectionIsACreditNoteOnceThenRefused() {
        payer.givenHistory(plan("p-1", "sub-a", "sku-apps", "2024-06-01"), new ClockTicked(meta("t-1",
                "2024-07-01T00:00:30Z"), at("2024-07-01T00:00:30Z")));

        List<SpecificRecord> credited = payer.when(correction("c-1", "2024-06", 1));
        CreditNoteIssued note = (CreditNoteIssued) credited.get(0);
        assertThat(note.getLines()).singleElement().satisfies(line -> assertThat(AvroMoney.fromAvro(line.getNet())
                .isNegative()).isTrue());
        assertThat(credited.get(1)).isInstanceOfSatisfying(IsvInvoiceLines.class,
                lines -> assertThat(lines.getInvoiceId()).isEqualTo(note.getCreditNoteId()));

        CreditNoteRefused again = (CreditNoteRefused) payer.when(correction("c-2", "2024-06", 1)).get(0);
        assertThat(again.getCode()).isEqualTo("ALREADY_CREDITED");
        assertThat(again.getDetail()).contains(note.getCreditNoteId());
        assertThat(billing.refusalReasons(payer.when(correction("c-3", "2024-05", 1)).get(0)))
                .containsExactly("UNKNOWN_INVOICE");
    }

    // T6, B1: a transfer hands the subscription to the new payer, whose book bills it from the transfer on
    @Test
    void t6_aTransferHandsTheSubscriptionToTheNewPayer() {
        payer.givenHistory(plan("p-1", "sub-a", "sku-apps", "2024-06-01"));

        SubscriptionHandedOver handover = (SubscriptionHandedOver) payer.when(moved("m-1", "2024-06-11T15:00:00Z",
                "sub-a")).get(0);
        assertThat(handover.getToPayerId()).isEqualTo(R2);
        // the old payer keeps its copy for its June days; an entitlement it has no plan for changes nothing
        assertThat(payer.state().subscription("sub-a")).isPresent();
        assertThat(payer.when(moved("m-2", "2024-06-12T00:00:00Z", "sub-x")))
                .isEmpty();

        DeciderScenario<PayerBook, PayerBilling.Facts> newPayer = DeciderScenario.given(billing, facts);
        assertThat(newPayer.when(handover)).singleElement().isInstanceOf(SubscriptionUpdated.class);
        assertThat(billing.aggregateId(handover, "any")).isEqualTo(R2);
        assertThat(billing.nextDeadline(newPayer.state())).contains(at("2024-07-01"));
    }

    // B7: a reseller that just migrated has its migration month end with a run, which issues the prepaid invoice
    @Test
    void b7_aMigrationEndsItsMonthWithARun() {
        facts.migration = MigrationFixtures.migrated();
        Instant optIn = MigrationFixtures.OPT_IN;

        assertThat(payer.when(new MigrationRequested(EventIds.origin("o-1", optIn, "test"), R1))).isEmpty();
        assertThat(billing.nextDeadline(payer.state())).contains(at("2026-11-01"));
        // an opt-in the migration refused (not the one it migrated at) schedules nothing
        assertThat(DeciderScenario.given(billing, facts).when(new MigrationRequested(EventIds.origin("o-2",
                optIn.plusSeconds(60), "test"), R1))).isEmpty();

        tick("2026-11-01T00:00:30Z");
        assertThat(payer.state().ledger().prepaidInvoiced()).isTrue();
        assertThat(billing.nextDeadline(payer.state())).contains(at("2026-12-01"));
    }

    private List<SpecificRecord> tick(String at) {
        return payer.when(new ClockTicked(meta("tick-" + at, at), at(at)));
    }

    private static SubscriptionPlanChosen plan(String id, String subscription, String sku, String at) {
        return new SubscriptionPlanChosen(meta(id, at), subscription, R1, BA1, ISV, sku, null, BillingPlan.ANNUAL,
                10, null, null, null);
    }

    private static EntitlementMoved moved(String id, String at, String entitlement) {
        return new EntitlementMoved(meta(id, at), entitlement, "offer-1", ISV, BA1, "ba-9", R1, R2, "transfer-1");
    }

    private static CreditNoteRequested correction(String id, String month, Integer... lines) {
        return new CreditNoteRequested(meta(id, "2024-07-05"), R1, month, List.of(lines), "usage double-counted");
    }

    private static EventMeta meta(String id, String at) {
        return EventIds.origin(id, at(at), "test");
    }
}
