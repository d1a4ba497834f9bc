package io.channelhub.billing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.reseller.event.ResellerOrder;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: human document numbers from billing.events and resellers.events, gapless per issuer, series and year,
 * stable on replay.
 */
class DocumentNumberingTest {

    static final Instant NEW_YEAR = Instant.parse("2027-01-01T00:05:00Z");
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TopologyTestDriver driver;
    TestInputTopic<String, SpecificRecord> issued;
    /** Reseller order invoices are issued on the reseller programme's own topic (D-82). */
    TestInputTopic<String, SpecificRecord> ordered;
    TestOutputTopic<String, SpecificRecord> events;

    @BeforeEach
    void start() {
        Topology topology = new Topology();
        ReferenceTable.addGlobalStore(topology, BillingTopology.SERVICE, Topics.DIRECTORY_EVENTS,
                BillingTopology.DIRECTORY_STORE, registry);
        ReferenceTable.addGlobalStore(topology, BillingTopology.SERVICE, Topics.PRICES_EVENTS,
                BillingTopology.PRICES_STORE, registry);
        DocumentNumbering.addTo(topology, "CH", registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "document-numbering-test");
        driver = new TopologyTestDriver(topology, props);
        issued = driver.createInputTopic(Topics.BILLING_EVENTS, new StringSerializer(), new EventSerde());
        ordered = driver.createInputTopic(Topics.RESELLERS_EVENTS, new StringSerializer(), new EventSerde());
        events = driver.createOutputTopic(Topics.BILLING_EVENTS, new StringDeserializer(), new EventSerde());
        TestInputTopic<String, SpecificRecord> directory = driver.createInputTopic(Topics.DIRECTORY_EVENTS,
                new StringSerializer(), new EventSerde());
        directory.pipeInput("reseller:R-1", new ResellerRegistered(meta("d1", NEW_YEAR), "R-1", "Northwind Resale",
                "billing@nw.example", "GB", List.of("12 Harbour Street", "Edinburgh EH6 6QQ"), 45));
        directory.pipeInput("reseller:R-2", new ResellerRegistered(meta("d2", NEW_YEAR), "R-2", "Southwind",
                "billing@sw.example", "IT", List.of(), null));
        directory.pipeInput("account:A-1", new BillingAccountRegistered(meta("d3", NEW_YEAR), "A-1", "C-1",
                "Globex Corporation", "it@globex.example", "R-1", null));
        driver.createInputTopic(Topics.PRICES_EVENTS, new StringSerializer(), new EventSerde())
                .pipeInput("price:SKU-A:ANNUAL", new PriceListed(meta("p1", NEW_YEAR), "SKU-A", "ISV-1",
                        BillingPlan.ANNUAL, eur("150.00"), "Acme Analytics Pro"));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    // issue 23: every kind of invoice takes the next number of one series, credit notes their own
    @Test
    void invoicesAndCreditNotesAreNumberedWithoutGapsPerSeriesAndYear() {
        issued.pipeInput("R-1", invoice("INV-R1-2026-12", "R-1", NEW_YEAR));
        issued.pipeInput("R-2", invoice("INV-R2-2026-12", "R-2", NEW_YEAR.plusSeconds(1)));
        issued.pipeInput("R-1", prepaid("PRE-R1-2026-12", "R-1", NEW_YEAR.plusSeconds(2)));
        ordered.pipeInput("R-1", order("O-7", "R-1", Instant.parse("2027-01-05T10:00:00Z")));
        issued.pipeInput("R-1", creditNote("CN-1", "INV-R1-2026-12", "R-1", Instant.parse("2027-01-08T10:00:00Z")));
        issued.pipeInput("R-2", invoice("INV-R2-2027-12", "R-2", Instant.parse("2028-01-01T00:05:00Z")));

        List<KeyValue<String, DocumentNumbered>> numbered = numbered();
        assertThat(numbered).extracting(n -> n.value.getDocumentId() + "=" + n.value.getNumber()).containsExactly(
                "INV-R1-2026-12=CH-2027-000001", "INV-R2-2026-12=CH-2027-000002", "PRE-R1-2026-12=CH-2027-000003",
                "O-7=CH-2027-000004", "CN-1=CH-CN-2027-000001", "INV-R2-2027-12=CH-2028-000001");
        assertThat(numbered).extracting(n -> n.key).containsExactly("R-1", "R-2", "R-1", "R-1", "R-1", "R-2");
        // the credit note names the invoice it corrects by its number
        assertThat(numbered.get(4).value.getNames()).containsEntry("invoice:INV-R1-2026-12", "CH-2027-000001");
    }

    // X2, issue 23: a replayed document keeps its number and takes none from the series
    @Test
    void aReplayedDocumentKeepsItsNumberAndLeavesNoGap() {
        InvoiceIssued first = invoice("INV-R1-2026-12", "R-1", NEW_YEAR);
        issued.pipeInput("R-1", first);
        issued.pipeInput("R-1", first);
        issued.pipeInput("R-2", invoice("INV-R2-2026-12", "R-2", NEW_YEAR.plusSeconds(1)));
        issued.pipeInput("R-1", first);

        assertThat(numbered()).extracting(n -> n.value.getNumber()).containsExactly("CH-2027-000001",
                "CH-2027-000002");
        DocumentNumbered kept = (DocumentNumbered) driver.getKeyValueStore(DocumentNumbering.NUMBERS_STORE)
                .get("INV-R1-2026-12");
        assertThat(kept.getNumber()).isEqualTo("CH-2027-000001");
        assertThat(registry.counter(MetricNames.OUTCOMES, "service", BillingTopology.SERVICE, "type",
                "DocumentNumbered").count()).isEqualTo(2.0);
    }

    // issue 23, R5: the due date follows the payer's terms from the directory (30 days when it states none); an
    // order invoice is due when R5 says, 30 days after the order
    @Test
    void dueDatesFollowThePayersTermsAndTheBillToAddressComesFromTheDirectory() {
        issued.pipeInput("R-1", invoice("INV-R1-2026-12", "R-1", NEW_YEAR));
        issued.pipeInput("R-2", invoice("INV-R2-2026-12", "R-2", NEW_YEAR));
        ordered.pipeInput("R-1", order("O-7", "R-1", Instant.parse("2027-01-05T10:00:00Z")));

        List<DocumentNumbered> numbered = numbered().stream().map(n -> n.value).toList();
        assertThat(numbered.get(0).getTermsDays()).isEqualTo(45);
        assertThat(numbered.get(0).getDueOn()).isEqualTo(LocalDate.parse("2027-02-15"));
        assertThat(numbered.get(0).getBillToAddress()).containsExactly("12 Harbour Street", "Edinburgh EH6 6QQ");
        assertThat(numbered.get(0).getNames()).containsEntry("account:A-1", "Globex Corporation")
                .containsEntry("sku:SKU-A", "Acme Analytics Pro");
        assertThat(numbered.get(1).getTermsDays()).isEqualTo(30);
        assertThat(numbered.get(1).getDueOn()).isEqualTo(LocalDate.parse("2027-01-31"));
        assertThat(numbered.get(1).getBillToAddress()).isEmpty();
        assertThat(numbered.get(2).getDueOn()).isEqualTo(LocalDate.parse("2027-02-04"));
        assertThat(numbered.get(2).getTermsDays()).isEqualTo(30);
    }

    private List<KeyValue<String, DocumentNumbered>> numbered() {
        return events.readKeyValuesToList().stream().filter(kv -> kv.value instanceof DocumentNumbered)
                .map(kv -> KeyValue.pair(kv.key, (DocumentNumbered) kv.value)).toList();
    }

    static InvoiceIssued invoice(String id, String payer, Instant at) {
        InvoiceLine line = InvoiceLine.newBuilder().setNumber(1).setSubscriptionId("S-1").setBillingAccountId("A-1")
                .setIsvId("ISV-1").setSku("SKU-A").setCharge("ANNUAL_INSTALMENT")
                .setFirstDay(LocalDate.parse("2026-12-01")).setLastDay(LocalDate.parse("2026-12-31"))
                .setSeatDays(310).setUnitPrice(eur("10.00")).setGross(eur("100.00"))
                .setDiscountPercent(new BigDecimal("10.00")).setDiscountRule("D8_AT_ACCEPTANCE")
                .setDiscount(eur("10.00")).setNet(eur("90.00")).setRevenueShare(eur("2.70"))
                .setIsvPayout(eur("87.30")).build();
        return InvoiceIssued.newBuilder().setMeta(meta("e-" + id, at)).setInvoiceId(id).setPayerId(payer)
                .setPayerName(payer).setPayerEmail("p@x").setMonth("2026-12").setIssuedAt(at).setCurrency("EUR")
                .setLines(List.of(line)).setSubtotal(eur("100.00")).setDiscounts(eur("10.00"))
                .setCreditsApplied(eur("0.00")).setTotalDue(eur("90.00")).build();
    }

    static PrepaidInvoiceIssued prepaid(String id, String reseller, Instant at) {
        return PrepaidInvoiceIssued.newBuilder().setMeta(meta("e-" + id, at)).setInvoiceId(id)
                .setResellerId(reseller).setMonth("2026-12").setLines(List.of()).setTotal(eur("0.00")).build();
    }

    static ResellerOrderAccepted order(String id, String reseller, Instant at) {
        ResellerOrder order = ResellerOrder.newBuilder().setOrderId(id).setResellerId(reseller)
                .setResellerName(reseller).setResellerEmail("r@x").setCustomerName("Initech")
                .setCustomerEmail("it@initech.example").setPlacedAt(at).setDueOn(LocalDate.parse("2027-02-04"))
                .setCurrency("EUR").setLines(List.of()).setSubtotal(eur("0.00"))
                .setDiscountPercent(new BigDecimal("10.00")).setDiscount(eur("0.00")).setNet(eur("0.00"))
                .setTaxPercent(new BigDecimal("0.000")).setTax(eur("0.00")).setTotal(eur("0.00")).build();
        return new ResellerOrderAccepted(meta("e-" + id, at), order, false, null);
    }

    static CreditNoteIssued creditNote(String id, String invoiceId, String payer, Instant at) {
        return CreditNoteIssued.newBuilder().setMeta(meta("e-" + id, at)).setCreditNoteId(id).setInvoiceId(invoiceId)
                .setPayerId(payer).setMonth("2026-12").setIssuedAt(at).setCurrency("EUR").setReason("agreed")
                .setLines(List.of()).setTotal(eur("0.00")).build();
    }

    static EventMeta meta(String id, Instant at) {
        return EventMeta.newBuilder().setEventId(id).setOccurredAt(at).setProducer("test").build();
    }

    static io.channelhub.common.event.Money eur(String amount) {
        return AvroMoney.toAvro(Money.of(amount, "EUR"));
    }
}
