package io.channelhub.billing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.domain.migration.MigrationSettings;
import io.channelhub.billing.domain.reseller.ResellerSettings;
import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.CreditNoteRefused;
import io.channelhub.billing.event.CreditNoteRequested;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.billing.event.InvoiceNotIssued;
import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.billing.event.SubscriptionChange;
import io.channelhub.billing.event.SubscriptionChangeRequested;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.billing.event.SubscriptionRefused;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidOrderRecorded;
import io.channelhub.discount.event.DiscountTerms;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.pricing.event.ResellerMarginSet;
import io.channelhub.reseller.event.ResellerAccountOpened;
import io.channelhub.reseller.event.ResellerApplicationSubmitted;
import io.channelhub.reseller.event.ResellerRequestRefused;
import io.channelhub.schemas.Keys;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every event path of the billing topology, without a broker: plans, refusals, the month-end run, statements. */
class BillingTopologyTest {

    static final Instant SEPT = Instant.parse("2026-09-01T00:00:00Z");
    static final Instant OCT = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TopologyTestDriver driver;
    TestInputTopic<String, SpecificRecord> commands;
    TestOutputTopic<String, SpecificRecord> events;
    TestInputTopic<String, SpecificRecord> resellerCommands;
    TestOutputTopic<String, SpecificRecord> resellerEvents;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "billing-topology-test");
        driver = new TopologyTestDriver(BillingTopology.build(new BillingSettings(Duration.ofHours(1)),
                ResellerSettings.standard(new BigDecimal("12")), MigrationSettings.standard(),
                new BillingMetrics(registry), registry,
                Duration.ofDays(30)), props);
        commands = driver.createInputTopic(Topics.BILLING_COMMANDS, new StringSerializer(), new EventSerde());
        events = driver.createOutputTopic(Topics.BILLING_EVENTS, new StringDeserializer(), new EventSerde());
        resellerCommands = driver.createInputTopic(Topics.RESELLERS_COMMANDS, new StringSerializer(),
                new EventSerde());
        resellerEvents = driver.createOutputTopic(Topics.RESELLERS_EVENTS, new StringDeserializer(),
                new EventSerde());
        TestInputTopic<String, SpecificRecord> prices = driver.createInputTopic(Topics.PRICES_EVENTS,
                new StringSerializer(), new EventSerde());
        prices.pipeInput("price:SKU-A:ANNUAL", new PriceListed(meta(SEPT), "SKU-A", "ISV-1", BillingPlan.ANNUAL,
                AvroMoney.toAvro(Money.of("150.00", "EUR")), null));
        prices.pipeInput("price:SKU-S:ANNUAL", new PriceListed(meta(SEPT), "SKU-S", "ISV-2", BillingPlan.ANNUAL,
                AvroMoney.toAvro(Money.of("50.00", "EUR")), null));
        prices.pipeInput("price:SKU-F:FLEXIBLE", new PriceListed(meta(SEPT), "SKU-F", "ISV-2", BillingPlan.FLEXIBLE,
                AvroMoney.toAvro(Money.of("60.00", "EUR")), null));
        prices.pipeInput("margin:R-1", new ResellerMarginSet(meta(SEPT), "R-1", new BigDecimal("20.00")));
        driver.createInputTopic(Topics.DIRECTORY_EVENTS, new StringSerializer(), new EventSerde())
                .pipeInput("reseller:R-1", new ResellerRegistered(meta(SEPT), "R-1", "Reseller One",
                        "billing@r1.example", "IT", java.util.List.of(), null));
        // D8: a 10% discount of ISV-1 for account A-1, in effect before the plan is accepted
        driver.createInputTopic(Topics.DISCOUNTS_EVENTS, new StringSerializer(), new EventSerde())
                .pipeInput(Keys.discounts("ISV-1", "R-1"), new DiscountStarted(meta(SEPT), DiscountTerms.newBuilder()
                        .setDiscountId("D-1").setIsvId("ISV-1").setIsvName("Vendor").setIsvEmail("v@x")
                        .setResellerId("R-1").setResellerName("Reseller One").setResellerEmail("r@x")
                        .setBillingAccountId("A-1").setPercent(new BigDecimal("10.00")).setStartsAt(SEPT).build(),
                        SEPT));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    // B2: the unit prices of the seed come out of the price list and the margin
    @Test
    void plansArePricedFromTheListLessTheMargin() {
        commands.pipeInput("R-1", plan("p-1", "S-1", "A-1", "SKU-S", BillingPlan.ANNUAL, 10, OCT));
        commands.pipeInput("R-1", plan("p-2", "S-2", "A-2", "SKU-F", BillingPlan.FLEXIBLE, 10, OCT));

        List<SpecificRecord> out = events.readValuesToList();
        assertThat(out).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(SubscriptionUpdated.class));
        assertThat(AvroMoney.fromAvro(((SubscriptionUpdated) out.get(0)).getUnitPrice()).amount())
                .isEqualByComparingTo("3.33");
        assertThat(AvroMoney.fromAvro(((SubscriptionUpdated) out.get(1)).getUnitPrice()).amount())
                .isEqualByComparingTo("4.00");
    }

    // B3: above the flexible cap, refused with the reason; an unknown price, refused too
    @Test
    void changesThatBreakTheRulesAreRefusedWithTheReason() {
        commands.pipeInput("R-1", plan("p-1", "S-2", "A-2", "SKU-F", BillingPlan.FLEXIBLE, 8, OCT));
        commands.pipeInput("R-1", change("c-1", "S-2", SubscriptionChange.ADD_SEATS, 9, OCT.plusSeconds(60)));
        commands.pipeInput("R-1", plan("p-2", "S-9", "A-2", "SKU-NONE", BillingPlan.FLEXIBLE, 8, OCT));

        List<SpecificRecord> out = events.readValuesToList();
        SubscriptionRefused overCap = (SubscriptionRefused) out.get(1);
        assertThat(overCap.getReasons()).containsExactly("ABOVE_CAP");
        assertThat(overCap.getDetail()).contains("9 users would exceed the cap of 8");
        assertThat(((SubscriptionRefused) out.get(2)).getReasons()).containsExactly("PRICE_UNKNOWN");
    }

    // B4, D6, D8: the first tick of November issues October's invoice once, with the discount before the revenue
    // share; an hour later the ISV's statement: the seed's 100.00 -> 90.00 -> 2.70 -> 87.30
    @Test
    void theMonthEndRunIssuesOneInvoiceAndTheStatementsFollow() {
        commands.pipeInput("R-1", plan("p-1", "S-1", "A-1", "SKU-A", BillingPlan.ANNUAL, 10, OCT));
        commands.pipeInput("R-1", plan("p-2", "S-2", "A-2", "SKU-F", BillingPlan.FLEXIBLE, 10, OCT));
        commands.pipeInput("R-1", change("c-1", "S-2", SubscriptionChange.ADD_SEATS, 5, OCT.plusSeconds(60)));
        commands.pipeInput("R-1", change("c-2", "S-2", SubscriptionChange.ADD_SEATS, 3,
                Instant.parse("2026-10-11T09:00:00Z")));
        events.readValuesToList();

        tick(NOV.minusSeconds(1));
        assertThat(events.isEmpty()).as("nothing before the month ends").isTrue();
        tick(NOV.plusSeconds(30));
        tick(NOV.plusSeconds(90));
        List<SpecificRecord> issued = events.readValuesToList();
        assertThat(issued).singleElement().isInstanceOf(InvoiceIssued.class);
        InvoiceIssued invoice = (InvoiceIssued) issued.get(0);
        assertThat(invoice.getMonth()).isEqualTo("2026-10");
        assertThat(invoice.getPayerEmail()).isEqualTo("billing@r1.example");
        InvoiceLine annual = invoice.getLines().get(0);
        assertThat(amount(annual.getGross())).isEqualTo("100.00");      // 10 x (150.00 - 20%) / 12 = 10 x 10.00
        assertThat(amount(annual.getDiscount())).isEqualTo("10.00");    // D6: 10% off the line
        assertThat(amount(annual.getNet())).isEqualTo("90.00");
        assertThat(annual.getDiscountRule()).isEqualTo("D8_AT_ACCEPTANCE");
        InvoiceLine flexible = invoice.getLines().get(1);
        // 5 users for Oct 1-10, 8 for Oct 11-31: 5x10 + 8x21 = 218 seat-days x 4.00 / 31 = 28.129 -> 28.13
        assertThat(flexible.getSeatDays()).isEqualTo(218);
        assertThat(amount(flexible.getGross())).isEqualTo("28.13");
        assertThat(amount(flexible.getDiscount())).isEqualTo("0.00");
        assertThat(amount(invoice.getSubtotal())).isEqualTo("128.13");
        assertThat(amount(invoice.getDiscounts())).isEqualTo("10.00");
        assertThat(amount(invoice.getTotalDue())).isEqualTo("118.13");

        tick(NOV.plus(Duration.ofMinutes(59)));
        assertThat(events.isEmpty()).as("statements wait for every payer's invoice").isTrue();
        tick(NOV.plus(Duration.ofMinutes(61)));
        tick(NOV.plus(Duration.ofMinutes(62)));
        List<PayoutStatementIssued> statements = events.readValuesToList().stream()
                .map(PayoutStatementIssued.class::cast).toList();
        assertThat(statements).hasSize(2);
        PayoutStatementIssued isv1 = statements.stream().filter(s -> s.getIsvId().equals("ISV-1")).findFirst()
                .orElseThrow();
        assertThat(List.of(amount(isv1.getGross()), amount(isv1.getDiscount()), amount(isv1.getNet()),
                amount(isv1.getRevenueShare()), amount(isv1.getPayout())))
                .containsExactly("100.00", "10.00", "90.00", "2.70", "87.30");
        assertThat(isv1.getSequence()).isEqualTo(1);
    }

    // B4, D-115: a month-end run of more payers than a step (100): the tick invoices the first 100, the next step
    // (the punctuation at the stream thread's next loop) the rest; a replayed tick issues nothing twice
    @Test
    void aMonthEndRunGoesAHundredPayersAtATime() {
        TestInputTopic<String, SpecificRecord> prices = driver.createInputTopic(Topics.PRICES_EVENTS,
                new StringSerializer(), new EventSerde());
        int payers = BillingTopology.PAYERS_PER_STEP + 10;
        for (int i = 0; i < payers; i++) {
            String payer = String.format("P-%03d", i);
            prices.pipeInput("margin:" + payer, new ResellerMarginSet(meta(SEPT), payer, new BigDecimal("20.00")));
            commands.pipeInput(payer, new SubscriptionPlanChosen(meta("p-" + i, OCT), "S-" + i, payer, "A-" + i,
                    "ISV-2", "SKU-S", null, BillingPlan.ANNUAL, 1, null, null, null));
        }
        assertThat(events.readValuesToList()).hasSize(payers).allMatch(SubscriptionUpdated.class::isInstance);

        tick(NOV.plusSeconds(30));
        assertThat(invoicedPayers()).hasSize(BillingTopology.PAYERS_PER_STEP).doesNotHaveDuplicates();
        tick(NOV.plusSeconds(30)); // a replay, while the run is in progress
        driver.advanceWallClockTime(Duration.ofMillis(10));
        assertThat(invoicedPayers()).hasSize(payers - BillingTopology.PAYERS_PER_STEP).doesNotHaveDuplicates();
        tick(NOV.plusSeconds(30)); // and after it
        driver.advanceWallClockTime(Duration.ofMillis(10));
        assertThat(events.isEmpty()).isTrue();
    }

    private List<String> invoicedPayers() {
        return events.readValuesToList().stream().map(InvoiceIssued.class::cast).map(InvoiceIssued::getPayerId)
                .toList();
    }

    // B4: an issued invoice never changes; a credit note credits whole lines once, and the ISV's next statement
    // nets it off
    @Test
    void aCorrectionIsACreditNoteAndTheStatementNetsItOff() {
        commands.pipeInput("R-1", plan("p-1", "S-1", "A-1", "SKU-A", BillingPlan.ANNUAL, 10, OCT));
        tick(NOV.plusSeconds(30));
        tick(NOV.plus(Duration.ofMinutes(61)));
        events.readValuesToList();

        commands.pipeInput("R-1", new CreditNoteRequested(meta("cn-1", NOV.plus(Duration.ofHours(2))), "R-1",
                "2026-10", List.of(1), "licences never used"));
        CreditNoteIssued note = (CreditNoteIssued) events.readValue();
        assertThat(amount(note.getTotal())).isEqualTo("-90.00");
        assertThat(note.getLines()).singleElement().satisfies(l -> assertThat(List.of(amount(l.getGross()),
                amount(l.getDiscount()), amount(l.getNet()))).containsExactly("-100.00", "-10.00", "-90.00"));

        commands.pipeInput("R-1", new CreditNoteRequested(meta("cn-2", NOV.plus(Duration.ofHours(2))), "R-1",
                "2026-10", List.of(1), "again"));
        commands.pipeInput("R-1", new CreditNoteRequested(meta("cn-3", NOV.plus(Duration.ofHours(2))), "R-1",
                "2026-09", List.of(1), "no such invoice"));
        commands.pipeInput("R-1", new CreditNoteRequested(meta("cn-4", NOV.plus(Duration.ofHours(2))), "R-1",
                "2026-10", List.of(7), "no such line"));
        assertThat(events.readValuesToList()).extracting(e -> ((CreditNoteRefused) e).getCode())
                .containsExactly("ALREADY_CREDITED", "UNKNOWN_INVOICE", "UNKNOWN_LINE");

        tick(NOV.plus(Duration.ofHours(3)));
        PayoutStatementIssued supplement = (PayoutStatementIssued) events.readValue();
        assertThat(supplement.getSequence()).isEqualTo(2);
        assertThat(List.of(amount(supplement.getGross()), amount(supplement.getNet()), amount(supplement.getPayout())))
                .containsExactly("-100.00", "-90.00", "-87.30");
    }

    // T6 -> B1, B4: a transfer on Oct 16 splits the month: the old reseller bills Oct 1-15 (with the discount its
    // customer's account had), the new one Oct 16-31 (the transfer re-evaluates the discount: none for A-9, D8)
    @Test
    void aTransferSplitsTheMonthBetweenBothPayers() {
        commands.pipeInput("R-1", plan("p-1", "E-1", "A-1", "SKU-A", BillingPlan.ANNUAL, 10, OCT));
        TestInputTopic<String, SpecificRecord> moves = driver.createInputTopic(Topics.ENTITLEMENTS_EVENTS,
                new StringSerializer(), new EventSerde());
        moves.pipeInput("E-1", new EntitlementMoved(meta(Instant.parse("2026-10-16T00:00:00Z")), "E-1", "O-1", "ISV-1",
                "A-1", "A-9", "R-1", "R-2", "T-1"));
        // D-34: a transfer of an entitlement R-1 has no postpaid plan for changes nothing, and is counted
        moves.pipeInput("E-X", new EntitlementMoved(meta(Instant.parse("2026-10-17T00:00:00Z")), "E-X", "O-1", "ISV-1",
                "A-1", "A-9", "R-1", "R-2", "T-2"));
        assertThat(registry.counter(BillingMetrics.TRANSFERS_UNBILLED, "service", BillingTopology.SERVICE).count())
                .isEqualTo(1);
        events.readValuesToList();
        tick(NOV.plusSeconds(30));

        List<InvoiceIssued> invoices = events.readValuesToList().stream().filter(InvoiceIssued.class::isInstance)
                .map(InvoiceIssued.class::cast).toList();
        InvoiceIssued before = invoices.stream().filter(i -> i.getPayerId().equals("R-1")).findFirst().orElseThrow();
        InvoiceIssued after = invoices.stream().filter(i -> i.getPayerId().equals("R-2")).findFirst().orElseThrow();
        // 10 licences x 10.00 x 15/31 = 48.387 -> 48.39; 10% -> 4.84; net 43.55
        assertThat(before.getLines()).singleElement().satisfies(l -> {
            assertThat(l.getSeatDays()).isEqualTo(150);
            assertThat(List.of(amount(l.getGross()), amount(l.getDiscount()), amount(l.getNet())))
                    .containsExactly("48.39", "4.84", "43.55");
            assertThat(l.getBillingAccountId()).isEqualTo("A-1");
        });
        // 10 x 10.00 x 16/31 = 51.612 -> 51.61, no discount on A-9
        assertThat(after.getLines()).singleElement().satisfies(l -> {
            assertThat(l.getSeatDays()).isEqualTo(160);
            assertThat(List.of(amount(l.getGross()), amount(l.getDiscount()))).containsExactly("51.61", "0.00");
            assertThat(l.getBillingAccountId()).isEqualTo("A-9");
        });
        // the month after, only the new payer bills it
        tick(Instant.parse("2026-12-01T00:00:30Z"));
        assertThat(events.readValuesToList().stream().filter(InvoiceIssued.class::isInstance)
                .map(i -> ((InvoiceIssued) i).getPayerId())).containsExactly("R-2");
    }

    // B7 (issue 21): the migration month's prepaid invoice is mailed to the reseller and kept with its invoices
    @Test
    void theMigrationMonthsPrepaidInvoiceNamesTheResellerAndIsKept() {
        commands.pipeInput("R-1", new PrepaidOrderRecorded(meta(OCT), "R-1", "P-1", "A-1", "ONLINE", "STANDARD",
                "ISV-1", "SKU-A", null, 2, AvroMoney.toAvro(Money.of("300.00", "EUR")),
                java.time.LocalDate.parse("2026-10-02"), java.time.LocalDate.parse("2027-10-02"), true, "ACTIVE",
                null, Instant.parse("2026-10-02T00:00:00Z")));
        commands.pipeInput("R-1", new MigrationRequested(meta(Instant.parse("2026-10-05T10:00:00Z")), "R-1"));
        events.readValuesToList();
        tick(NOV.plusSeconds(30));

        PrepaidInvoiceIssued prepaid = events.readValuesToList().stream().filter(PrepaidInvoiceIssued.class::isInstance)
                .map(PrepaidInvoiceIssued.class::cast).findFirst().orElseThrow();
        assertThat(prepaid.getMonth()).isEqualTo("2026-10");
        assertThat(prepaid.getResellerEmail()).isEqualTo("billing@r1.example");
        assertThat(prepaid.getResellerName()).isEqualTo("Reseller One");
        String key = driver.<String, String>getKeyValueStore(BillingTopology.INVOICE_IDS_STORE)
                .get(prepaid.getInvoiceId());
        assertThat(driver.<String, SpecificRecord>getKeyValueStore(BillingTopology.INVOICES_STORE).get(key))
                .isEqualTo(prepaid);
        tick(NOV.plusSeconds(90));
        assertThat(events.readValuesToList()).noneMatch(PrepaidInvoiceIssued.class::isInstance);
    }

    // B4, X1 (issue 21): charges that cannot make one invoice (two currencies) are refused with an event, not only
    // a log line; the month is not invoiced
    @Test
    void aMonthThatCannotMakeOneInvoiceIsRefusedWithTheReason() {
        driver.createInputTopic(Topics.PRICES_EVENTS, new StringSerializer(), new EventSerde())
                .pipeInput("price:SKU-U:ANNUAL", new PriceListed(meta(SEPT), "SKU-U", "ISV-1", BillingPlan.ANNUAL,
                        AvroMoney.toAvro(Money.of("120.00", "USD")), null));
        commands.pipeInput("R-1", plan("p-1", "S-1", "A-1", "SKU-A", BillingPlan.ANNUAL, 10, OCT));
        commands.pipeInput("R-1", plan("p-2", "S-U", "A-2", "SKU-U", BillingPlan.ANNUAL, 10, OCT));
        events.readValuesToList();
        tick(NOV.plusSeconds(30));

        assertThat(events.readValuesToList()).singleElement().isInstanceOfSatisfying(InvoiceNotIssued.class, refused -> {
            assertThat(refused.getPayerId()).isEqualTo("R-1");
            assertThat(refused.getMonth()).isEqualTo("2026-10");
            assertThat(refused.getCode()).isEqualTo("NOT_ASSEMBLED");
            assertThat(refused.getDetail()).isNotBlank();
        });
    }

    // R1 (issue 21): a consultancy's application is refused, and the applicant, who has no account, is told why
    @Test
    void aRefusedApplicationIsSentToTheApplicant() {
        resellerCommands.pipeInput("R-9", new ResellerApplicationSubmitted(meta(OCT), "R-9", "Advisers Ltd",
                "hello@advisers.example", "GB", null, "CONSULTANCY"));
        ResellerRequestRefused refused = (ResellerRequestRefused) resellerEvents.readValue();
        assertThat(refused.getReasons()).containsExactly("NOT_ELIGIBLE");
        assertThat(refused.getContactEmail()).isEqualTo("hello@advisers.example");
    }

    // R1 (issue 21, D-82): the programme reads its commands on its own topic and answers on its own topic only;
    // the payers' topic does not reach it
    @Test
    void theResellerProgrammeHasItsOwnTopics() {
        ResellerApplicationSubmitted application = new ResellerApplicationSubmitted(meta(OCT), "R-7", "Resells Ltd",
                "orders@resells.example", "GB", null, "SOFTWARE_RESELLER");
        commands.pipeInput("R-7", application);
        assertThat(resellerEvents.isEmpty()).isTrue();
        assertThat(events.isEmpty()).isTrue();
        assertThat(registry.get(MetricNames.REFUSALS).tags("type", "ResellerApplicationSubmitted", "reason",
                "UNSUPPORTED_ON_TOPIC").counter().count()).isEqualTo(1.0);

        resellerCommands.pipeInput("R-7", application);
        KeyValue<String, SpecificRecord> opened = resellerEvents.readKeyValue();
        assertThat(opened.key).isEqualTo("R-7");
        assertThat(opened.value).isInstanceOfSatisfying(ResellerAccountOpened.class,
                account -> assertThat(account.getContactEmail()).isEqualTo("orders@resells.example"));
        assertThat(events.isEmpty()).isTrue();
    }

    // issue 21 (D-82): the programme is a sub-topology of its own: resellers.commands in, resellers.events out
    @Test
    void theResellerProgrammeIsASubTopologyOfItsOwn() {
        TopologyDescription.Subtopology programme = BillingTopology.build(new BillingSettings(Duration.ofHours(1)),
                ResellerSettings.standard(new BigDecimal("12")), MigrationSettings.standard(),
                new BillingMetrics(registry), registry, Duration.ofDays(30)).describe().subtopologies().stream()
                .filter(sub -> sub.nodes().stream().anyMatch(n -> n.name().equals(BillingTopology.RESELLERS)))
                .findFirst().orElseThrow();
        Set<String> reads = new TreeSet<>();
        Set<String> writes = new TreeSet<>();
        programme.nodes().forEach(node -> {
            if (node instanceof TopologyDescription.Source source) {
                reads.addAll(source.topicSet());
            } else if (node instanceof TopologyDescription.Sink sink) {
                writes.add(sink.topic());
            }
        });
        assertThat(reads).containsExactly(Topics.RESELLERS_COMMANDS);
        assertThat(writes).containsExactly(Topics.dlt(Topics.RESELLERS_COMMANDS), Topics.RESELLERS_EVENTS);
    }

    private void tick(Instant at) {
        commands.pipeInput("R-1", new ClockTicked(meta(at), at));
    }

    private static String amount(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }

    static SubscriptionPlanChosen plan(String id, String subscription, String account, String sku, BillingPlan plan,
            int seats, Instant at) {
        return new SubscriptionPlanChosen(meta(id, at), subscription, "R-1", account, sku.equals("SKU-A") ? "ISV-1"
                : "ISV-2", sku, null, plan, seats, null, null, null);
    }

    static SubscriptionChangeRequested change(String id, String subscription, SubscriptionChange change, int count,
            Instant at) {
        return new SubscriptionChangeRequested(meta(id, at), subscription, "R-1", change, count);
    }

    static EventMeta meta(Instant at) {
        return meta(UUID.randomUUID().toString(), at);
    }

    static EventMeta meta(String id, Instant at) {
        return EventMeta.newBuilder().setEventId(id).setOccurredAt(at).setProducer("test").build();
    }
}
