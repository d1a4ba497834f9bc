package io.channelhub.systemtests;

import static io.channelhub.systemtests.SystemUnderTest.cents;
import static io.channelhub.systemtests.SystemUnderTest.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.channelhub.platform.security.PartyKind;
import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.billing.event.SubscriptionChange;
import io.channelhub.billing.event.SubscriptionChangeRequested;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.discount.event.DiscountAcceptanceSubmitted;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.pricing.event.ResellerMarginSet;
import io.channelhub.schemas.Keys;
import io.channelhub.schemas.Topics;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reseller's month end to end (B1–B4, D6, D8, N1, X2): an annual customer with 10 licences and a discount in
 * effect, a flexible customer whose users change during the month; the first tick of the next month issues the
 * invoice, the reseller receives it as a PDF, an hour later each ISV's payout statement; figures to the cent.
 */
@ExtendWith(SystemUnderTest.class)
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BillingJourneyTest {

    private static final String RESELLER = "BJ-R";
    private static final String RESELLER_MAIL = "billing@bj-r.example";
    private static final Instant FEB = Instant.parse("2030-02-01T00:00:00Z");
    private static final Instant MARCH = Instant.parse("2030-03-01T00:00:00Z");
    private static final Instant APRIL = Instant.parse("2030-04-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void referenceData() {
        kafka = SystemUnderTest.kafka();
        Instant now = Instant.now();
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:" + RESELLER, new ResellerRegistered(meta(now), RESELLER,
                "Billing Journey Reseller", RESELLER_MAIL, "IT", java.util.List.of(), null));
        for (String isv : List.of("BJ-ISV1", "BJ-ISV2")) {
            kafka.send(Topics.DIRECTORY_EVENTS, "isv:" + isv, new IsvRegistered(meta(now), isv, "Vendor " + isv,
                    "partners@" + isv.toLowerCase() + ".example", true));
        }
        for (String account : List.of("BJ-A1", "BJ-A2")) {
            kafka.send(Topics.DIRECTORY_EVENTS, "account:" + account, new BillingAccountRegistered(meta(now),
                    account, "C-" + account, "Customer " + account, "it@" + account.toLowerCase() + ".example",
                    RESELLER, null));
        }
        kafka.send(Topics.PRICES_EVENTS, "price:BJ-SKU-A:ANNUAL", new PriceListed(meta(now), "BJ-SKU-A", "BJ-ISV1",
                BillingPlan.ANNUAL, AvroMoney.toAvro(Money.of("150.00", "EUR")), null));
        kafka.send(Topics.PRICES_EVENTS, "price:BJ-SKU-F:FLEXIBLE", new PriceListed(meta(now), "BJ-SKU-F",
                "BJ-ISV2", BillingPlan.FLEXIBLE, AvroMoney.toAvro(Money.of("60.00", "EUR")), null));
        kafka.send(Topics.PRICES_EVENTS, "margin:" + RESELLER, new ResellerMarginSet(meta(now), RESELLER,
                new BigDecimal("20.00")));
        SystemUnderTest.awaitAccountsKnownTo("discount-service", "BJ-A1", "BJ-A2");
        kafka.await(ReferenceTable.tableTopic("billing-service", Topics.PRICES_EVENTS), ResellerMarginSet.class,
                m -> m.getResellerId().equals(RESELLER), 1, WAIT);
        kafka.await(ReferenceTable.tableTopic("billing-service", Topics.DIRECTORY_EVENTS), ResellerRegistered.class,
                r -> r.getResellerId().equals(RESELLER), 1, WAIT);
    }

    // D3 -> D8: the ISV's 10% for the annual customer, accepted and in effect from February
    @Order(1)
    @Test
    void aDiscountIsInEffectBeforeThePlansStart() {
        String book = Keys.discounts("BJ-ISV1", RESELLER);
        kafka.send(Topics.DISCOUNTS_COMMANDS, book, DiscountConfigurationRequested.newBuilder().setMeta(meta(
                Instant.now())).setIsvId("BJ-ISV1").setResellerId(RESELLER).setBillingAccountId("BJ-A1")
                .setPercent(new BigDecimal("10.00")).setStartsAt(FEB).build());
        String discountId = kafka.await(Topics.DISCOUNTS_EVENTS, DiscountProposed.class,
                p -> p.getTerms().getIsvId().equals("BJ-ISV1"), 1, WAIT).get(0).getTerms().getDiscountId();
        kafka.send(Topics.DISCOUNTS_COMMANDS, book, new DiscountAcceptanceSubmitted(meta(Instant.now()), discountId,
                "BJ-ISV1", RESELLER, "upstream"));
        kafka.send(Topics.DISCOUNTS_COMMANDS, book, new ClockTicked(meta(FEB.plusSeconds(60)), FEB.plusSeconds(60)));
        kafka.await(Topics.DISCOUNTS_EVENTS, DiscountStarted.class,
                s -> s.getTerms().getDiscountId().equals(discountId), 1, WAIT);
    }

    // B1, B2, B4, D6, D8: the month, the invoice, the PDF e-mail, the statements
    @Order(2)
    @Test
    void theMonthEndIssuesTheInvoiceThePdfAndTheStatements() throws Exception {
        kafka.send(Topics.BILLING_COMMANDS, RESELLER, new SubscriptionPlanChosen(meta(MARCH), "BJ-S1", RESELLER,
                "BJ-A1", "BJ-ISV1", "BJ-SKU-A", null, BillingPlan.ANNUAL, 10, null, null, null));
        kafka.send(Topics.BILLING_COMMANDS, RESELLER, new SubscriptionPlanChosen(meta(MARCH), "BJ-S2", RESELLER,
                "BJ-A2", "BJ-ISV2", "BJ-SKU-F", null, BillingPlan.FLEXIBLE, 10, null, null, null));
        kafka.send(Topics.BILLING_COMMANDS, RESELLER, new SubscriptionChangeRequested(meta(MARCH.plusSeconds(1)),
                "BJ-S2", RESELLER, SubscriptionChange.ADD_SEATS, 5));
        kafka.send(Topics.BILLING_COMMANDS, RESELLER, new SubscriptionChangeRequested(meta(
                Instant.parse("2030-03-11T09:00:00Z")), "BJ-S2", RESELLER, SubscriptionChange.ADD_SEATS, 3));
        kafka.await(Topics.BILLING_EVENTS, SubscriptionUpdated.class, u -> u.getSubscriptionId().startsWith("BJ-S"),
                4, WAIT);
        kafka.await(Topics.DISCOUNTS_EVENTS, DiscountStarted.class, s -> s.getTerms().getIsvId().equals("BJ-ISV1"),
                1, WAIT);
        SystemUnderTest.sleep(2000); // the discount travels on to billing's own topic

        tick(APRIL.plusSeconds(30));
        InvoiceIssued invoice = kafka.await(Topics.BILLING_EVENTS, InvoiceIssued.class,
                i -> i.getPayerId().equals(RESELLER), 1, WAIT).get(0);
        assertThat(invoice.getMonth()).isEqualTo("2030-03");
        // annual: 10 x (150.00 - 20%) / 12 = 10 x 10.00 = 100.00, 10% off -> 90.00
        // flexible: (5 users x 10 days + 8 x 21) x 4.00 / 31 = 218 x 4.00 / 31 = 28.129 -> 28.13
        assertThat(amounts(invoice)).containsExactly("128.13", "10.00", "0.00", "118.13");
        assertThat(invoice.getLines()).extracting(l -> cents(l.getNet())).containsExactly("90.00", "28.13");

        // D-102: the e-mail waits for the invoice's number and attaches the numbered document
        DocumentNumbered numbered = kafka.await(Topics.BILLING_EVENTS, DocumentNumbered.class,
                n -> n.getDocumentId().equals(invoice.getInvoiceId()), 1, WAIT).get(0);
        MimeMessage email = SystemUnderTest.emails(m -> SystemUnderTest.recipient(m).equals(RESELLER_MAIL)
                && SystemUnderTest.subject(m).startsWith("Your invoice"), 1).get(0);
        assertThat(email.getSubject()).isEqualTo("Your invoice " + numbered.getNumber() + " for 2030-03");
        assertThat(SystemUnderTest.text(email)).contains("118.13 EUR", "Due date:        " + numbered.getDueOn());
        String pdf = SystemUnderTest.pdfText(email);
        assertThat(pdf).contains("No. " + numbered.getNumber(), "Due date: " + numbered.getDueOn(),
                "Reference to quote with your transfer: " + numbered.getNumber());
        // the first line at its gross with its 10% discount a line of its own: 100.00 - 10.00 + 28.13
        assertThat(pdf).contains("Service period: 2030-03-01 to 2030-03-31", "Total due", "118.13", "100.00",
                "-10.00", "28.13", "Reference to quote with your transfer").doesNotContain("87.30", "-0.00");

        HttpResponse<String> json = SystemUnderTest.services().get("billing-service",
                "/payers/" + RESELLER + "/invoices/2030-03", PartyKind.RESELLER, RESELLER);
        assertThat(json.statusCode()).isEqualTo(200);
        // D-100: money as a decimal string at the currency's scale, with its currency
        assertThat(json.body()).contains("\"totalDue\":{\"amount\":\"118.13\",\"currency\":\"EUR\"}",
                "\"discount\":{\"amount\":\"10.00\",\"currency\":\"EUR\"}").doesNotContain("revenueShare");
        assertThat(SystemUnderTest.services().get("billing-service", "/payers/" + RESELLER + "/invoices/2030-02",
                PartyKind.RESELLER, RESELLER)
                .statusCode()).isEqualTo(404);

        tick(APRIL.plus(Duration.ofMinutes(61)));
        List<PayoutStatementIssued> statements = kafka.await(Topics.BILLING_EVENTS, PayoutStatementIssued.class,
                s -> s.getIsvId().startsWith("BJ-ISV") && s.getMonth().equals("2030-03"), 2, WAIT);
        PayoutStatementIssued isv1 = statements.stream().filter(s -> s.getIsvId().equals("BJ-ISV1")).findFirst()
                .orElseThrow();
        // D6, the seed: 100.00 - 10% = 90.00, revenue share 3% = 2.70, payout 87.30
        assertThat(List.of(cents(isv1.getGross()), cents(isv1.getDiscount()), cents(isv1.getNet()),
                cents(isv1.getRevenueShare()), cents(isv1.getPayout())))
                .containsExactly("100.00", "10.00", "90.00", "2.70", "87.30");
        PayoutStatementIssued isv2 = statements.stream().filter(s -> s.getIsvId().equals("BJ-ISV2")).findFirst()
                .orElseThrow();
        // 28.13, no discount, 3% = 0.8439 -> 0.84, payout 27.29
        assertThat(List.of(cents(isv2.getGross()), cents(isv2.getNet()), cents(isv2.getRevenueShare()),
                cents(isv2.getPayout()))).containsExactly("28.13", "28.13", "0.84", "27.29");
        // the ISV reads its statement over HTTP (issue 10: its own only)
        await().atMost(WAIT).untilAsserted(() -> assertThat(SystemUnderTest.services().get("billing-service",
                "/isvs/BJ-ISV1/payout-statements/2030-03", PartyKind.ISV, "BJ-ISV1").body())
                .contains("\"payout\":{\"amount\":\"87.30\",\"currency\":\"EUR\"}"));
    }

    // X2: replaying the inputs issues no second invoice, statement or e-mail
    @Order(3)
    @Test
    void replayingTheInputsIssuesNothingTwice() {
        SystemUnderTest.sleep(3000);
        int emailsBefore = SystemUnderTest.emails(m -> true, 0).size();
        Set<String> outcomesBefore = SystemUnderTest.eventIds(Topics.BILLING_EVENTS);
        for (String topic : List.of(Topics.PRICES_EVENTS, Topics.DISCOUNTS_EVENTS, Topics.BILLING_COMMANDS,
                Topics.BILLING_EVENTS)) {
            for (ConsumerRecord<String, byte[]> record : kafka.readAll(topic)) {
                kafka.sendRaw(topic, record.key(), record.value());
            }
        }
        tick(APRIL.plus(Duration.ofMinutes(90)));
        SystemUnderTest.sleep(8000);
        assertThat(SystemUnderTest.emails(m -> true, 0)).hasSize(emailsBefore);
        assertThat(SystemUnderTest.eventIds(Topics.BILLING_EVENTS)).isEqualTo(outcomesBefore);
        assertThat(kafka.events(Topics.BILLING_EVENTS, InvoiceIssued.class).stream()
                .filter(i -> i.getPayerId().equals(RESELLER)).map(InvoiceIssued::getInvoiceId).distinct()).hasSize(1);
    }

    /** Ticks on the partitions of the payer and of both ISVs (statements live by ISV), as the ticker would. */
    private static void tick(Instant at) {
        for (String key : List.of(RESELLER, "BJ-ISV1", "BJ-ISV2")) {
            kafka.send(Topics.BILLING_COMMANDS, key, new ClockTicked(meta(at), at));
        }
    }

    private static List<String> amounts(InvoiceIssued invoice) {
        return List.of(cents(invoice.getSubtotal()), cents(invoice.getDiscounts()), cents(invoice.getCreditsApplied()),
                cents(invoice.getTotalDue()));
    }
}
