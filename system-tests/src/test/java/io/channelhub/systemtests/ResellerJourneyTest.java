package io.channelhub.systemtests;

import static io.channelhub.systemtests.SystemUnderTest.cents;
import static io.channelhub.systemtests.SystemUnderTest.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.SalesTaxRateSet;
import io.channelhub.reseller.event.OrderLine;
import io.channelhub.reseller.event.PaymentMethod;
import io.channelhub.reseller.event.ResellerAccountOpened;
import io.channelhub.reseller.event.ResellerApplicationSubmitted;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import io.channelhub.reseller.event.ResellerOrderReleased;
import io.channelhub.reseller.event.ResellerOrderRequested;
import io.channelhub.reseller.event.ResellerPaymentReceived;
import io.channelhub.reseller.event.ResellerPaymentRecorded;
import io.channelhub.reseller.event.ResellerPrepayChanged;
import io.channelhub.reseller.event.ResellerRequestRefused;
import io.channelhub.reseller.event.ResellerStatementIssued;
import io.channelhub.reseller.event.TemporaryLicenceIssued;
import io.channelhub.reseller.event.TemporaryLicenceRequested;
import io.channelhub.schemas.Topics;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reseller programme end to end (R1–R7): a consultancy refused; a new US reseller's first order held until
 * paid, a temporary licence on request, a card payment refused, the wire payment releasing it with the invoice PDF,
 * the licence e-mail and the customer's licence without prices; the fourth order released at once; an overdue
 * order, its statement with interest and prepay, then cleared; a replay that issues nothing twice.
 */
@ExtendWith(SystemUnderTest.class)
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResellerJourneyTest {

    private static final String RESELLER = "RJ-R";
    private static final String RESELLER_MAIL = "orders@rj-r.example";
    private static final String CUSTOMER_MAIL = "it@rj-customer.example";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void referenceData() {
        kafka = SystemUnderTest.kafka();
        kafka.send(Topics.PRICES_EVENTS, "sales-tax:NY", new SalesTaxRateSet(meta(Instant.now()), "NY",
                new BigDecimal("8.875")));
        kafka.await(ReferenceTable.tableTopic("billing-service", Topics.PRICES_EVENTS), SalesTaxRateSet.class,
                r -> r.getUsState().equals("NY"), 1, WAIT);
    }

    // R1: eligible resellers join with the automatic 10%; a consultancy is refused with the reason
    @Order(1)
    @Test
    void aResellerJoinsAndAConsultancyDoesNot() {
        send(new ResellerApplicationSubmitted(at("2030-05-01T09:00:00Z"), RESELLER, "Reseller Journey Inc",
                RESELLER_MAIL, "US", "NY", "SOFTWARE_RESELLER"));
        send(new ResellerApplicationSubmitted(at("2030-05-01T09:00:00Z"), "RJ-C", "Advice Ltd", "hi@advice.example",
                "GB", null, "CONSULTANCY"));
        assertThat(await(ResellerAccountOpened.class, o -> o.getResellerId().equals(RESELLER)).getDiscountPercent())
                .isEqualByComparingTo("10");
        assertThat(await(ResellerRequestRefused.class, r -> r.getResellerId().equals("RJ-C")).getReasons())
                .containsExactly("NOT_ELIGIBLE");
        assertThat(SystemUnderTest.emails(m -> SystemUnderTest.recipient(m).equals(RESELLER_MAIL), 1))
                .extracting(SystemUnderTest::subject).contains("Welcome to the reseller programme");
    }

    // R2, R3, R4, R6, R7: the first order waits for payment; the wire payment releases it
    @Order(2)
    @Test
    void theFirstOrderIsReleasedOncePaidByWire() throws Exception {
        order("RJ-O1", "2030-05-05T10:00:00Z");
        ResellerOrderAccepted accepted = await(ResellerOrderAccepted.class,
                o -> o.getOrder().getOrderId().equals("RJ-O1"));
        assertThat(accepted.getHeldUntilPaid()).isTrue();
        assertThat(accepted.getHoldReason()).isEqualTo("FIRST_ORDERS");
        // 2 x 500.00 = 1000.00; 10% -> 900.00; NY 8.875% of 900.00 = 79.875 -> 79.88; total 979.88
        assertThat(cents(accepted.getOrder().getNet())).isEqualTo("900.00");
        assertThat(cents(accepted.getOrder().getTax())).isEqualTo("79.88");
        assertThat(cents(accepted.getOrder().getTotal())).isEqualTo("979.88");

        send(new TemporaryLicenceRequested(at("2030-05-06T10:00:00Z"), RESELLER, "RJ-O1"));
        assertThat(await(TemporaryLicenceIssued.class, t -> t.getOrderId().equals("RJ-O1")).getValidUntil())
                .hasToString("2030-06-05");

        pay("RJ-O1", PaymentMethod.CARD, "979.88", "2030-05-07T10:00:00Z");
        assertThat(await(ResellerRequestRefused.class, r -> "RJ-O1".equals(r.getOrderId())).getReasons())
                .containsExactly("CARD_NOT_ACCEPTED");
        pay("RJ-O1", PaymentMethod.WIRE, "979.88", "2030-05-07T11:00:00Z");
        ResellerOrderReleased released = await(ResellerOrderReleased.class,
                r -> r.getOrder().getOrderId().equals("RJ-O1"));
        assertThat(released.getCustomerAccount()).isEqualTo("customer:" + CUSTOMER_MAIL);

        // D-102: the invoice attached is the numbered one
        // numbering publishes on billing.events, whatever topic the document was issued on (D-95, D-82)
        String number = kafka.await(Topics.BILLING_EVENTS, DocumentNumbered.class,
                n -> n.getDocumentId().equals("RJ-O1"), 1, WAIT).get(0).getNumber();
        MimeMessage invoice = mail(RESELLER_MAIL, "Order RJ-O1: your invoice " + number);
        assertThat(SystemUnderTest.pdfText(invoice)).contains("No. " + number, "Order id: RJ-O1", "SHIP TO", "Customer RJ", CUSTOMER_MAIL,
                "Reseller discount 10%", "Sales tax 8.875%", "79.88", "979.88");
        assertThat(SystemUnderTest.text(mail(RESELLER_MAIL, "Order RJ-O1: licences for Customer RJ")))
                .contains(released.getLicences().get(0).getLicenceKey());
        MimeMessage customer = mail(CUSTOMER_MAIL, "Your licence, order RJ-O1");
        String seen = SystemUnderTest.text(customer) + SystemUnderTest.visibleHtml(customer);
        assertThat(seen).contains("RJ-O1", "SKU-RJ", released.getLicences().get(0).getLicenceKey())
                .doesNotContain("979", "900", "500", "USD", "%");
    }

    // R4: orders two and three are paid upfront too; the fourth is released at once
    @Order(3)
    @Test
    void theFourthOrderIsReleasedAtOnce() {
        for (String id : List.of("RJ-O2", "RJ-O3")) {
            order(id, "2030-05-08T10:00:00Z");
            assertThat(await(ResellerOrderAccepted.class, o -> o.getOrder().getOrderId().equals(id))
                    .getHeldUntilPaid()).isTrue();
            pay(id, PaymentMethod.WIRE, "979.88", "2030-05-09T10:00:00Z");
            await(ResellerOrderReleased.class, r -> r.getOrder().getOrderId().equals(id));
        }
        order("RJ-O4", "2030-05-10T10:00:00Z");
        assertThat(await(ResellerOrderAccepted.class, o -> o.getOrder().getOrderId().equals("RJ-O4"))
                .getHeldUntilPaid()).isFalse();
        await(ResellerOrderReleased.class, r -> r.getOrder().getOrderId().equals("RJ-O4"));
    }

    // R5: unpaid past its due date -> the statement shows the interest, the reseller is on prepay; paying clears it
    @Order(4)
    @Test
    void anOverdueOrderAccruesInterestAndPutsTheResellerOnPrepay() {
        send(new ClockTicked(at("2030-07-01T00:00:30Z"), Instant.parse("2030-07-01T00:00:30Z")));
        ResellerStatementIssued statement = await(ResellerStatementIssued.class,
                s -> s.getResellerId().equals(RESELLER) && s.getMonth().equals("2030-07"));
        // RJ-O4 due 2030-06-09; on 2030-07-01 22 days overdue: 979.88 x 12% x 22/365 = 7.0873 -> 7.09
        assertThat(statement.getLines()).singleElement().satisfies(line -> {
            assertThat(line.getOrderId()).isEqualTo("RJ-O4");
            assertThat(line.getDaysOverdue()).isEqualTo(22);
            assertThat(cents(line.getInterest())).isEqualTo("7.09");
        });
        assertThat(cents(statement.getTotalDue())).isEqualTo("986.97");
        assertThat(await(ResellerPrepayChanged.class, p -> p.getResellerId().equals(RESELLER)).getOnPrepay()).isTrue();
        assertThat(SystemUnderTest.text(mail(RESELLER_MAIL, "Your statement for 2030-07"))).contains("RJ-O4",
                "interest 7.09", "paid upfront");

        order("RJ-O5", "2030-07-02T10:00:00Z");
        ResellerOrderAccepted onPrepay = await(ResellerOrderAccepted.class,
                o -> o.getOrder().getOrderId().equals("RJ-O5"));
        assertThat(onPrepay.getHeldUntilPaid()).isTrue();
        assertThat(onPrepay.getHoldReason()).isEqualTo("PREPAY");

        // paid on 2030-07-02, 23 days overdue: 979.88 x 12% x 23/365 = 7.4094 -> 7.41; 979.88 + 7.41 = 987.29
        pay("RJ-O4", PaymentMethod.WIRE, "987.29", "2030-07-02T12:00:00Z");
        assertThat(cents(await(ResellerPaymentRecorded.class, p -> p.getOrderId().equals("RJ-O4")).getInterest()))
                .isEqualTo("7.41");
        assertThat(kafka.await(Topics.RESELLERS_EVENTS, ResellerPrepayChanged.class,
                p -> p.getResellerId().equals(RESELLER), 2, WAIT).get(1).getOnPrepay()).isFalse();
    }

    // X2: replaying the reseller programme's commands issues nothing twice
    @Order(5)
    @Test
    void replayingTheCommandsIssuesNothingTwice() {
        SystemUnderTest.sleep(3000);
        int emailsBefore = SystemUnderTest.emails(m -> true, 0).size();
        Set<String> before = SystemUnderTest.eventIds(Topics.RESELLERS_EVENTS);
        for (ConsumerRecord<String, byte[]> record : kafka.readAll(Topics.RESELLERS_COMMANDS)) {
            kafka.sendRaw(Topics.RESELLERS_COMMANDS, record.key(), record.value());
        }
        SystemUnderTest.sleep(8000);
        assertThat(SystemUnderTest.emails(m -> true, 0)).hasSize(emailsBefore);
        assertThat(SystemUnderTest.eventIds(Topics.RESELLERS_EVENTS)).isEqualTo(before);
    }

    private static void order(String id, String at) {
        send(new ResellerOrderRequested(at(at), RESELLER, id, "Customer RJ", CUSTOMER_MAIL, List.of(new OrderLine(
                "SKU-RJ", 2, AvroMoney.toAvro(Money.of("500.00", "USD")), null))));
    }

    private static void pay(String orderId, PaymentMethod method, String amount, String at) {
        send(new ResellerPaymentReceived(at(at), RESELLER, orderId, method, AvroMoney.toAvro(Money.of(amount,
                "USD"))));
    }

    private static void send(SpecificRecord command) {
        kafka.send(Topics.RESELLERS_COMMANDS, RESELLER, command);
    }

    private static <T extends SpecificRecord> T await(Class<T> type, Predicate<T> match) {
        return kafka.await(Topics.RESELLERS_EVENTS, type, match, 1, WAIT).get(0);
    }

    private static MimeMessage mail(String to, String subject) {
        List<MimeMessage> found = SystemUnderTest.emails(m -> SystemUnderTest.recipient(m).equals(to)
                && SystemUnderTest.subject(m).equals(subject), 1);
        assertThat(found).as(subject).hasSize(1);
        return found.get(0);
    }

    private static EventMeta at(String instant) {
        return meta(Instant.parse(instant));
    }
}
