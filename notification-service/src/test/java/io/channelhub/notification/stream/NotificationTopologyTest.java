package io.channelhub.notification.stream;

import static io.channelhub.notification.TestEvents.details;
import static io.channelhub.notification.TestEvents.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.notification.TestEvents;
import io.channelhub.notification.domain.InvoiceEmails;
import io.channelhub.notification.domain.PdfText;
import io.channelhub.notification.domain.ResellerEmails;
import io.channelhub.notification.domain.EmailPlanner;
import io.channelhub.notification.domain.TransferEmails;
import io.channelhub.notification.email.EmailRenderer;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.reseller.event.Licence;
import io.channelhub.reseller.event.OrderLine;
import io.channelhub.reseller.event.ResellerOrder;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import io.channelhub.reseller.event.ResellerOrderReleased;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferConsentRecorded;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox topology: planned e-mails, rendered, once per Message-ID (N1, N2, X2). */
class NotificationTopologyTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> transferEvents;
    private TestInputTopic<String, SpecificRecord> billingEvents;
    private TestOutputTopic<String, SpecificRecord> outbox;
    private TestOutputTopic<String, SpecificRecord> bulkOutbox;

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "notification-topology-test");
        driver = new TopologyTestDriver(NotificationTopology.build(registry, TestEvents.PLANNER, new EmailRenderer()),
                props);
        transferEvents = driver.createInputTopic(Topics.TRANSFERS_EVENTS, new StringSerializer(), new EventSerde());
        billingEvents = driver.createInputTopic(Topics.BILLING_EVENTS, new StringSerializer(), new EventSerde());
        outbox = driver.createOutputTopic(Topics.NOTIFICATIONS_OUTBOX, new StringDeserializer(), new EventSerde());
        bulkOutbox = driver.createOutputTopic(Topics.NOTIFICATIONS_BULK_OUTBOX, new StringDeserializer(),
                new EventSerde());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    // T4, N2: one rendered e-mail per party, keyed by its Message-ID
    @Test
    void oneRenderedEmailPerPartyKeyedByMessageId() {
        transferEvents.pipeInput("E-1", TestEvents.opened("ev-1", "E-1"));

        List<TestRecord<String, SpecificRecord>> records = outbox.readRecordsToList();
        assertThat(records).hasSize(4);
        assertThat(records).allSatisfy(r -> {
            EmailRequested email = (EmailRequested) r.value();
            assertThat(r.key()).isEqualTo(email.getMessageId());
            assertThat(email.getTemplate()).isEqualTo(TransferEmails.CONSENT_REQUEST);
            assertThat(email.getSubject()).isEqualTo("Your consent is needed to transfer entitlement E-1");
            assertThat(email.getTextBody()).contains("\u00b7 entitlement E-1 \u00b7", "/approvals/");
            assertThat(email.getHtmlBody()).contains("<code>E-1</code>", "/approvals/");
        });
        assertThat(records).extracting(r -> ((EmailRequested) r.value()).getToAddress()).containsExactly(
                "it@acme.example", "partners@vendor.example", "sales@old.example", "sales@new.example");
    }

    // T6: the outcome events beyond the request flow through as well; consent bookkeeping sends nothing
    @Test
    void completionRequestsEveryConfirmationAndBookkeepingNothing() {
        transferEvents.pipeInput("E-1", new TransferConsentRecorded(meta("ev-2"), "T-E-1", "E-1", PartyRole.ISV,
                "ISV-1", ConsentDecision.APPROVE, List.of(PartyRole.CUSTOMER)));
        transferEvents.pipeInput("E-1", new TransferCompleted(meta("ev-3"), details("E-1")));

        List<EmailRequested> emails = outbox.readValuesToList().stream().map(EmailRequested.class::cast).toList();
        assertThat(emails).extracting(EmailRequested::getTemplate).containsExactly(TransferEmails.COMPLETED,
                TransferEmails.COMPLETED, TransferEmails.COMPLETED, TransferEmails.COMPLETED, TransferEmails.COMPLETED_ISV);
        assertThat(registry.get(MetricNames.name("emails", "requested")).tag("template", TransferEmails.COMPLETED)
                .counter().count()).isEqualTo(4.0);
        assertThat(registry.get(MetricNames.name("emails", "requested")).tag("template", TransferEmails.COMPLETED_ISV)
                .counter().count()).isEqualTo(1.0);
    }

    // N1, X2: a redelivered or replayed event sends nothing new
    @Test
    void replayingTheSameEventRequestsNoSecondEmail() {
        transferEvents.pipeInput("E-1", TestEvents.opened("ev-1", "E-1"));
        transferEvents.pipeInput("E-1", TestEvents.opened("ev-1", "E-1"));
        transferEvents.pipeInput("E-2", TestEvents.opened("ev-2", "E-2"));

        assertThat(outbox.readValuesToList()).hasSize(8);
        assertThat(registry.get(MetricNames.DUPLICATES).tag("topic", Topics.NOTIFICATIONS_OUTBOX).counter().count())
                .isEqualTo(4.0);
    }

    // B4, R3, D-102: the invoice e-mail waits for billing's number; its PDF is the numbered document, with the due
    // date from the payer's terms and the reference to quote; a replay of either event sends nothing again (N2).
    // D-94: a period's invoice waits on the bulk outbox, never ahead of the interactive e-mails.
    @Test
    void theInvoiceIsMailedOnceNumberedAsTheNumberedDocumentAndOnlyOnce() {
        InvoiceIssued invoice = TestEvents.invoice();
        billingEvents.pipeInput("R-1", invoice);
        assertThat(bulkOutbox.isEmpty()).isTrue();

        billingEvents.pipeInput("R-1", TestEvents.documentNumbered(invoice.getInvoiceId(), "num-1"));

        assertThat(outbox.isEmpty()).isTrue();
        EmailRequested email = (EmailRequested) bulkOutbox.readValue();
        assertThat(email.getTemplate()).isEqualTo(InvoiceEmails.ISSUED);
        assertThat(email.getSubject()).isEqualTo("Your invoice CH-2026-000001 for 2026-11");
        assertThat(email.getTextBody()).contains("Invoice number:  CH-2026-000001", "Due date:        2027-01-07");
        assertThat(email.getAttachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.getFilename()).isEqualTo("invoice-2026-11-R-1.pdf");
            String pdf = PdfText.of(bytes(attachment.getContent()));
            assertThat(pdf).contains("No. CH-2026-000001", "Payment terms: 45 days", "Due date: 2027-01-07",
                    "Reference to quote with your transfer: CH-2026-000001", "1 Reseller Way");
        });

        billingEvents.pipeInput("R-1", invoice);
        billingEvents.pipeInput("R-1", TestEvents.documentNumbered(invoice.getInvoiceId(), "num-1"));
        assertThat(bulkOutbox.isEmpty()).isTrue();
        assertThat(outbox.isEmpty()).isTrue();
    }

    // R2, R4, D-102: a held order's number arrives before its release; the release then needs no wait, and its
    // invoice is the same numbered document
    @Test
    void anOrderReleasedAfterItWasNumberedIsMailedAtOnce() {
        ResellerOrder order = ResellerOrder.newBuilder().setOrderId("O-1").setResellerId("R-1")
                .setResellerName("Reseller One").setResellerEmail("orders@r1.example").setCustomerName("Acme")
                .setCustomerEmail("it@acme.example").setPlacedAt(TestEvents.T0)
                .setDueOn(java.time.LocalDate.parse("2026-12-23")).setCurrency("USD")
                .setLines(List.of(new OrderLine("SKU-PRO", 2, usd("500.00"), usd("1000.00")))).setSubtotal(usd("1000.00"))
                .setDiscountPercent(new BigDecimal("10.00")).setDiscount(usd("100.00")).setNet(usd("900.00"))
                .setTaxPercent(new BigDecimal("8.875")).setTax(usd("79.88")).setTotal(usd("979.88")).build();
        billingEvents.pipeInput("R-1", new ResellerOrderAccepted(meta("acc-1"), order, true, "FIRST_ORDERS"));
        billingEvents.pipeInput("R-1", TestEvents.documentNumbered("O-1", "num-o1"));
        assertThat(outbox.readValuesToList()).extracting(e -> ((EmailRequested) e).getTemplate())
                .containsExactly(ResellerEmails.HELD);

        billingEvents.pipeInput("R-1", new ResellerOrderReleased(meta("rel-1"), order,
                List.of(new Licence("SKU-PRO", "KEY-1")), "customer:it@acme.example"));

        List<EmailRequested> released = outbox.readValuesToList().stream().map(EmailRequested.class::cast).toList();
        assertThat(released).extracting(EmailRequested::getTemplate).containsExactly(ResellerEmails.INVOICE,
                ResellerEmails.LICENCES, ResellerEmails.CUSTOMER_LICENCE);
        assertThat(PdfText.of(bytes(released.get(0).getAttachments().get(0).getContent())))
                .contains("CH-2026-000001", "2026-12-23");
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static io.channelhub.common.event.Money usd(String amount) {
        return AvroMoney.toAvro(Money.of(amount, "USD"));
    }
}
