package io.channelhub.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.BillingServiceApplication;
import io.channelhub.billing.domain.charge.MonthlyCharges;
import io.channelhub.billing.domain.charge.SubscriptionCharge;
import io.channelhub.billing.domain.invoice.Invoice;
import io.channelhub.billing.domain.invoice.InvoiceAssembler;
import io.channelhub.billing.domain.invoice.InvoiceLine;
import io.channelhub.billing.domain.invoice.RevenueShares;
import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.domain.subscription.SubscriptionCommand;
import io.channelhub.billing.domain.subscription.SubscriptionDecider;
import io.channelhub.billing.domain.subscription.SubscriptionDecision;
import io.channelhub.billing.event.SubscriptionChange;
import io.channelhub.billing.event.SubscriptionChangeRequested;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.OfferListed;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.discount.domain.DiscountDecider;
import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.discount.state.DiscountBook;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.localstack.demo.DemoEvents.Publication;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.testing.DeciderScenario;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.DiscountHistory;
import io.channelhub.pricing.DiscountTerm;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.pricing.event.ResellerMarginSet;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Keys;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferRequested;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DemoEventsTest {

    private static List<Publication> scenario(Instant at) {
        YearMonth month = DemoEvents.billingMonth(at);
        List<Publication> all = new ArrayList<>(DemoEvents.referenceData(at));
        all.add(DemoEvents.transferRequest(at));
        all.add(DemoEvents.discountOffer(at));
        all.addAll(DemoEvents.billingReferenceData(at));
        all.addAll(DemoEvents.billingDiscount(month));
        all.add(DemoEvents.discountTick(at));
        all.addAll(DemoEvents.billingPlans(month));
        all.addAll(DemoEvents.monthEndTicks(month));
        all.addAll(DemoEvents.statementTicks(month));
        return all;
    }

    @Test
    void playingItAgainLaterRepeatsEveryEventIdSoServicesTreatItAsAReplay() {
        List<String> first = scenario(Instant.parse("2026-01-01T00:00:00Z")).stream()
                .map(p -> Events.eventId(p.event())).toList();
        List<String> later = scenario(Instant.parse("2026-06-01T12:00:00Z")).stream()
                .map(p -> Events.eventId(p.event())).toList();

        assertThat(later).isEqualTo(first);
        assertThat(first).doesNotHaveDuplicates();
    }

    @Test
    void keysFollowTheTopicCatalogue() {
        for (Publication publication : scenario(Instant.now())) {
            SpecificRecord event = publication.event();
            switch (publication.topic()) {
                case Topics.DIRECTORY_EVENTS -> assertThat(publication.key()).matches("(isv|reseller|account|offer):.+");
                case Topics.ENTITLEMENTS_EVENTS, Topics.TRANSFERS_COMMANDS ->
                        assertThat(publication.key()).isEqualTo(DemoEvents.ENTITLEMENT);
                case Topics.DISCOUNTS_COMMANDS -> assertThat(publication.key())
                        .isEqualTo(DemoEvents.ISV + "|" + DemoEvents.CURRENT_RESELLER);
                case Topics.PRICES_EVENTS -> assertThat(publication.key()).isEqualTo(
                        event instanceof PriceListed price ? "price:" + price.getSku() + ":" + price.getPlan()
                                : "margin:" + ((ResellerMarginSet) event).getResellerId());
                case Topics.BILLING_COMMANDS -> {
                    if (event instanceof ClockTicked) { // the payer's partition and each ISV's (statements)
                        assertThat(publication.key()).isIn(DemoEvents.CURRENT_RESELLER, DemoEvents.ISV,
                                DemoEvents.SECOND_ISV);
                    } else {
                        assertThat(publication.key()).isEqualTo(payerOf(event)).isEqualTo(DemoEvents.CURRENT_RESELLER);
                    }
                }
                default -> throw new AssertionError("unexpected topic " + publication.topic());
            }
        }
    }

    @Test
    void describesAChangeOfResellerOfAResaleEnabledIsvsEntitlement() {
        List<Publication> reference = DemoEvents.referenceData(Instant.now());
        TransferRequested request = (TransferRequested) DemoEvents.transferRequest(Instant.now()).event();

        IsvRegistered isv = only(reference, IsvRegistered.class);
        EntitlementActivated entitlement = only(reference, EntitlementActivated.class);
        List<BillingAccountRegistered> accounts = reference.stream().map(Publication::event)
                .filter(BillingAccountRegistered.class::isInstance).map(BillingAccountRegistered.class::cast).toList();

        assertThat(isv.getResaleEnabled()).isTrue();
        assertThat(entitlement.getBillingAccountId()).isEqualTo(request.getCurrentBillingAccountId());
        assertThat(request.getKind()).isEqualTo(TransferKind.CHANGE_RESELLER);
        assertThat(request.getContactName()).isNotBlank();
        assertThat(request.getContactEmail()).contains("@");
        assertThat(accounts).extracting(BillingAccountRegistered::getBillingAccountId)
                .containsExactlyInAnyOrder(request.getCurrentBillingAccountId(), request.getTargetBillingAccountId());
        assertThat(accounts).extracting(BillingAccountRegistered::getResellerId).doesNotContainNull()
                .doesNotHaveDuplicates();
        // issue 23: the e-mails name the accounts and the offer, not their ids
        assertThat(accounts).extracting(BillingAccountRegistered::getDisplayName).doesNotContainNull()
                .doesNotHaveDuplicates();
        OfferListed offer = only(reference, OfferListed.class);
        assertThat(offer.getOfferId()).isEqualTo(entitlement.getOfferId()).isEqualTo(request.getOfferId());
        assertThat(offer.getIsvId()).isEqualTo(entitlement.getIsvId());
    }

    @Test
    void everyEventEncodesWithTheProjectSerde() {
        EventSerde serde = new EventSerde();
        for (Publication publication : scenario(Instant.now())) {
            assertThat(serde.decode(serde.encode(publication.event()))).isEqualTo(publication.event());
        }
    }

    @Test
    void billsTheCurrentMonthFromItsFirstDayAndTicksIntoTheNextMonthOnly() {
        Instant now = Instant.parse("2026-03-17T10:15:00Z");
        YearMonth month = DemoEvents.billingMonth(now);
        Instant monthStart = Instant.parse("2026-03-01T00:00:00Z");
        Instant nextMonth = Instant.parse("2026-04-01T00:00:00Z");

        assertThat(month).isEqualTo(YearMonth.of(2026, 3));
        assertThat(DemoEvents.billingPlans(month)).allSatisfy(p -> assertThat(Events.meta(p.event()).getOccurredAt())
                .isAfterOrEqualTo(monthStart).isBefore(monthStart.plus(Duration.ofDays(1))));
        assertThat(DemoEvents.billingDiscount(month)).allSatisfy(p -> assertThat(Events.meta(p.event())
                .getOccurredAt()).isBefore(monthStart).isAfter(monthStart.minus(Duration.ofHours(1))));
        assertThat(DemoEvents.monthEndTicks(month)).extracting(p -> ((ClockTicked) p.event()).getAt())
                .containsOnly(nextMonth.plusSeconds(30));
        assertThat(DemoEvents.statementTicks(month)).extracting(p -> ((ClockTicked) p.event()).getAt())
                .containsOnly(nextMonth.plus(DemoEvents.STATEMENT_DELAY).plusSeconds(60));
        assertThat(((ClockTicked) DemoEvents.discountTick(now).event()).getAt()).isEqualTo(now);
    }

    @Test
    void theStatementTickWaitsAsLongAsBillingServicesDefaultStatementDelay() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = BillingServiceApplication.class.getResourceAsStream("/billing-service.properties")) {
            defaults.load(in);
        }
        assertThat(Duration.parse(defaults.getProperty("channelhub.billing.statement-delay").trim()))
                .isEqualTo(DemoEvents.STATEMENT_DELAY);
    }

    /**
     * The discount goes through discount-service's own rules as the processor applies them (deadlines due at a
     * command's time first): it does not overlap the offer from next month, the acceptance finds it proposed, and
     * the tick starts it at the first instant of the month.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-17T10:15:00Z", "2026-03-01T00:00:30Z", "2026-02-28T23:59:00Z"})
    void theBillingDiscountIsInEffectFromTheFirstOfTheMonth(String at) {
        Instant now = Instant.parse(at);
        DiscountStarted started = billingDiscountStarted(now);

        YearMonth month = DemoEvents.billingMonth(now);
        assertThat(started.getAt()).isEqualTo(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(started.getTerms().getDiscountId()).isEqualTo(DemoEvents.billingDiscountId());
        assertThat(started.getTerms().getBillingAccountId()).isEqualTo(DemoEvents.CURRENT_ACCOUNT);
        assertThat(started.getTerms().getEndsAt()).isEqualTo(month.plusMonths(1).atDay(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * The demo's billing publications under billing's domain rules (no broker): the seed's unit prices (B2), the
     * discount fixed at acceptance (D8) on a whole month, and the ISV's payout (D6). The demo itself prints what
     * billing-service publishes; this shows what it will print.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-17T10:15:00Z", "2026-02-28T23:59:00Z", "2026-04-01T00:00:30Z"})
    void theBillingSeedYieldsTheSeedFigures(String at) {
        Instant now = Instant.parse(at);
        YearMonth month = DemoEvents.billingMonth(now);
        DiscountTerm discount = DiscountHistory.fold(null, billingDiscountStarted(now)).orElseThrow();
        Map<String, SpecificRecord> prices = new HashMap<>();
        DemoEvents.billingReferenceData(now).stream().filter(p -> p.topic().equals(Topics.PRICES_EVENTS))
                .forEach(p -> prices.put(p.key(), p.event()));

        Map<String, Subscription> subscriptions = new HashMap<>();
        for (Publication publication : DemoEvents.billingPlans(month)) {
            Instant occurredAt = Events.meta(publication.event()).getOccurredAt();
            if (publication.event() instanceof SubscriptionPlanChosen chosen) {
                PriceListed price = (PriceListed) prices.get("price:" + chosen.getSku() + ":" + chosen.getPlan());
                ResellerMarginSet margin = (ResellerMarginSet) prices.get("margin:" + chosen.getPayerId());
                SubscriptionDecision decision = SubscriptionDecider.decide(new SubscriptionCommand.StartPlan(
                        chosen.getSubscriptionId(), chosen.getBillingAccountId(), chosen.getPayerId(),
                        chosen.getIsvId(), chosen.getSku(), chosen.getOfferId(), Plan.valueOf(chosen.getPlan().name()),
                        AvroMoney.fromAvro(price.getListPerUserYear()), margin.getPercent(), chosen.getSeats()), null,
                        occurredAt);
                subscriptions.put(chosen.getSubscriptionId(), accepted(decision));
            } else {
                SubscriptionChangeRequested change = (SubscriptionChangeRequested) publication.event();
                assertThat(change.getChange()).isEqualTo(SubscriptionChange.ADD_SEATS);
                subscriptions.put(change.getSubscriptionId(), accepted(SubscriptionDecider.decide(
                        new SubscriptionCommand.AddSeats(change.getCount()),
                        subscriptions.get(change.getSubscriptionId()), occurredAt)));
            }
        }
        assertThat(subscriptions.get(DemoEvents.BACKUP_SUBSCRIPTION).unitPrice().amount())
                .isEqualByComparingTo("3.33");
        assertThat(subscriptions.get(DemoEvents.VPN_SUBSCRIPTION).unitPrice().amount()).isEqualByComparingTo("4.00");

        List<SubscriptionCharge> charges = new ArrayList<>();
        subscriptions.values().forEach(s -> charges.addAll(MonthlyCharges.of(s, month)));
        Instant issuedAt = ((ClockTicked) DemoEvents.monthEndTicks(month).get(0).event()).getAt();
        Invoice invoice = InvoiceAssembler.assemble(DemoEvents.CURRENT_RESELLER, month, issuedAt, charges,
                List.of(discount), RevenueShares.defaults(), Money.zero(Currency.getInstance("EUR")));

        InvoiceLine analytics = invoice.lines().get(0);
        assertThat(analytics.charge().sku()).isEqualTo(DemoEvents.ANALYTICS_SKU);
        assertThat(List.of(analytics.gross(), analytics.discount(), analytics.net())).extracting(DemoEventsTest::cents)
                .containsExactly("100.00", "10.00", "90.00");
        assertThat(invoice.lines()).extracting(l -> l.charge().sku()).containsExactly(DemoEvents.ANALYTICS_SKU,
                DemoEvents.BACKUP_SKU, DemoEvents.VPN_SKU);
        assertThat(invoice.lines()).extracting(l -> cents(l.net())).containsExactly("90.00", "33.30", "32.00");
        Money isvPayout = invoice.lines().stream().filter(l -> l.charge().isvId().equals(DemoEvents.ISV))
                .map(l -> l.payout().isvPayout().rounded()).reduce(Money::plus).orElseThrow();
        assertThat(cents(isvPayout)).isEqualTo("87.30");
    }

    private static DiscountStarted billingDiscountStarted(Instant now) {
        YearMonth month = DemoEvents.billingMonth(now);
        Directory directory = directory(now);
        DeciderScenario<DiscountBook, Directory> book = DeciderScenario.given(new DiscountDecider(), directory);

        DiscountConfigurationRequested offer = (DiscountConfigurationRequested) DemoEvents.discountOffer(now).event();
        assertThat(book.when(offer)).singleElement().isInstanceOf(DiscountProposed.class);
        List<Publication> billingDiscount = DemoEvents.billingDiscount(month);
        assertThat(billingDiscount).extracting(Publication::key)
                .containsOnly(Keys.discounts(DemoEvents.ISV, DemoEvents.CURRENT_RESELLER));
        assertThat(book.when(billingDiscount.get(0).event())).singleElement().isInstanceOf(DiscountProposed.class);
        assertThat(book.when(billingDiscount.get(1).event())).singleElement().isInstanceOf(DiscountAccepted.class);
        List<SpecificRecord> fired = book.when(DemoEvents.discountTick(now).event());
        assertThat(fired).singleElement().isInstanceOf(DiscountStarted.class);
        return (DiscountStarted) fired.get(0);
    }

    /** The directory as the services' reference tables hold it after the demo's directory events. */
    private static Directory directory(Instant now) {
        List<Publication> all = new ArrayList<>(DemoEvents.referenceData(now));
        all.addAll(DemoEvents.billingReferenceData(now));
        Map<String, IsvRegistered> isvs = new HashMap<>();
        Map<String, ResellerRegistered> resellers = new HashMap<>();
        Map<String, BillingAccountRegistered> accounts = new HashMap<>();
        Map<String, OfferListed> offers = new HashMap<>();
        for (Publication publication : all) {
            if (publication.event() instanceof IsvRegistered isv) {
                isvs.put(isv.getIsvId(), isv);
            } else if (publication.event() instanceof ResellerRegistered reseller) {
                resellers.put(reseller.getResellerId(), reseller);
            } else if (publication.event() instanceof BillingAccountRegistered account) {
                accounts.put(account.getBillingAccountId(), account);
            } else if (publication.event() instanceof OfferListed offer) {
                offers.put(offer.getOfferId(), offer);
            }
        }
        return new Directory() {
            @Override
            public Optional<BillingAccount> account(String id) {
                return Optional.ofNullable(accounts.get(id)).map(a -> new BillingAccount(a.getBillingAccountId(),
                        a.getCustomerId(), a.getCustomerName(), a.getContactEmail(), a.getResellerId(),
                        a.getDisplayName()));
            }

            @Override
            public Optional<Offer> offer(String id) {
                return Optional.ofNullable(offers.get(id)).map(o -> new Offer(o.getOfferId(), o.getOfferName(),
                        o.getProductName(), o.getIsvId()));
            }

            @Override
            public Optional<Organisation> isv(String id) {
                return Optional.ofNullable(isvs.get(id)).map(i -> new Organisation(i.getIsvId(), i.getName(),
                        i.getContactEmail()));
            }

            @Override
            public Optional<Organisation> reseller(String id) {
                return Optional.ofNullable(resellers.get(id)).map(r -> new Organisation(r.getResellerId(),
                        r.getName(), r.getContactEmail()));
            }

            @Override
            public boolean resaleEnabled(String id) {
                return isvs.containsKey(id) && isvs.get(id).getResaleEnabled();
            }
        };
    }

    private static Subscription accepted(SubscriptionDecision decision) {
        assertThat(decision).isInstanceOf(SubscriptionDecision.Accepted.class);
        return ((SubscriptionDecision.Accepted) decision).state();
    }

    private static String payerOf(SpecificRecord command) {
        return command instanceof SubscriptionPlanChosen chosen ? chosen.getPayerId()
                : ((SubscriptionChangeRequested) command).getPayerId();
    }

    private static String cents(Money money) {
        return money.rounded().amount().toPlainString();
    }

    private static <T> T only(List<Publication> publications, Class<T> type) {
        List<T> matching = publications.stream().map(Publication::event).filter(type::isInstance).map(type::cast).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }
}
