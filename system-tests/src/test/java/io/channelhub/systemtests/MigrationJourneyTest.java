package io.channelhub.systemtests;

import static io.channelhub.systemtests.SystemUnderTest.cents;
import static io.channelhub.systemtests.SystemUnderTest.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.security.PartyKind;
import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.migration.event.CustomerSuspended;
import io.channelhub.migration.event.MigrationCompleted;
import io.channelhub.migration.event.MigrationRefused;
import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidOrderRecorded;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.pricing.event.ResellerMarginSet;
import io.channelhub.schemas.Topics;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The move from prepaid to postpaid end to end (B5–B7): a reseller with an active, a trial, a grace-period, a
 * near-renewal and a this-month prepaid order opts in; the credit statement as CSV; the migration month's two
 * invoices (prepaid, and postpaid with the credit spent on a new online customer only) and the next month's single
 * one, to the cent; trials suspended on ticks; a second opt-in refused; a replay that issues nothing twice.
 */
@ExtendWith(SystemUnderTest.class)
@Order(6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationJourneyTest {

    private static final String RESELLER = "MJ-R";
    private static final String RESELLER_MAIL = "billing@mj-r.example";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static KafkaTestClient kafka;

    @BeforeAll
    static void referenceData() {
        kafka = SystemUnderTest.kafka();
        Instant now = Instant.now();
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:" + RESELLER, new ResellerRegistered(meta(now), RESELLER,
                "Migrating Reseller", RESELLER_MAIL, "IT", java.util.List.of(), null));
        // B2: 120.00 a year less 20% = 96.00 / 12 = 8.00 per user-month
        kafka.send(Topics.PRICES_EVENTS, "price:MJ-SKU:ANNUAL", new PriceListed(meta(now), "MJ-SKU", "MJ-ISV",
                BillingPlan.ANNUAL, AvroMoney.toAvro(Money.of("120.00", "EUR")), null));
        kafka.send(Topics.PRICES_EVENTS, "margin:" + RESELLER, new ResellerMarginSet(meta(now), RESELLER,
                new BigDecimal("20.00")));
        kafka.await(ReferenceTable.tableTopic("billing-service", Topics.PRICES_EVENTS), ResellerMarginSet.class,
                m -> m.getResellerId().equals(RESELLER), 1, WAIT);
        kafka.await(ReferenceTable.tableTopic("billing-service", Topics.DIRECTORY_EVENTS), ResellerRegistered.class,
                r -> r.getResellerId().equals(RESELLER), 1, WAIT);
    }

    // B5: every kind of prepaid order, what it becomes and the credit it earns; a second opt-in is refused
    @Order(1)
    @Test
    void theResellerOptsInAndEveryPrepaidOrderMoves() throws Exception {
        prepaid("MJ-P1", "MJ-A1", 10, "960.00", "2030-01-01", "2031-01-01", true, "ACTIVE", null);
        prepaid("MJ-P2", "MJ-A2", 3, "0.00", "2030-08-21", "2030-09-20", false, "TRIAL", "2030-09-20");
        prepaid("MJ-P3", "MJ-A3", 4, "480.00", "2029-08-20", "2030-08-20", false, "GRACE_PERIOD", null);
        prepaid("MJ-P4", "MJ-A4", 2, "240.00", "2029-09-25", "2030-09-25", false, "ACTIVE", null);
        prepaid("MJ-P5", "MJ-A5", 2, "120.00", "2030-09-02", "2031-09-02", true, "ACTIVE", null);
        send(new MigrationRequested(at("2030-09-10T10:00:00Z"), RESELLER));

        MigrationCompleted done = await(MigrationCompleted.class, m -> m.getResellerId().equals(RESELLER));
        Map<String, String> outcome = done.getOrders().stream().collect(Collectors.toMap(o -> o.getOrderId(),
                o -> o.getOutcome() + " " + cents(o.getCredit())));
        // unused days from 2030-09-10 to the renewal: P1 113 -> 960.00 x 113/365 = 297.205 -> 297.21;
        // P5 357 -> 120.00 x 357/365 = 117.370 -> 117.37; P4 15, no auto-renew -> final trial, 240.00 x 15/365 = 9.86
        assertThat(outcome).containsExactlyInAnyOrderEntriesOf(Map.of("MJ-P1", "ANNUAL 297.21",
                "MJ-P2", "TRIAL_KEPT 0.00", "MJ-P3", "FINAL_TRIAL 0.00", "MJ-P4", "FINAL_TRIAL 9.86",
                "MJ-P5", "ANNUAL 117.37"));
        assertThat(cents(done.getTotalCredit())).isEqualTo("424.44");
        assertThat(SystemUnderTest.emails(m -> SystemUnderTest.recipient(m).equals(RESELLER_MAIL)
                && SystemUnderTest.subject(m).equals("Your move to postpaid billing is confirmed"), 1)).hasSize(1);

        send(new MigrationRequested(at("2030-09-11T10:00:00Z"), RESELLER));
        assertThat(await(MigrationRefused.class, r -> r.getResellerId().equals(RESELLER)).getReasons())
                .containsExactly("ALREADY_MIGRATED");

        HttpResponse<String> csv = SystemUnderTest.services().get("billing-service",
                "/payers/" + RESELLER + "/migration/credit-statement.csv", PartyKind.RESELLER, RESELLER);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> rows = csv.body().lines().toList();
        assertThat(rows).hasSize(7); // header, five orders, total
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("MJ-P1,MJ-A1,MJ-SKU,ANNUAL,2031-01-01,113,365,"
                + "960.00,297.21"));
        assertThat(rows.get(6)).contains("424.44");
    }

    // B6, B7: the migration month has the prepaid invoice and the postpaid one; the credit goes only to the new
    // online customer; the month after, one postpaid invoice with the credit carried
    @Order(2)
    @Test
    void theMigrationMonthHasTwoInvoicesAndTheNextOne() {
        plan("MJ-N1", "MJ-N1", "ONLINE", 5, "2030-09-15T08:00:00Z");
        plan("MJ-F1", "MJ-F1", "OFFLINE", 3, "2030-09-15T08:00:00Z");
        SystemUnderTest.sleep(2000);
        tick("2030-10-01T00:00:30Z");

        PrepaidInvoiceIssued prepaid = await(PrepaidInvoiceIssued.class, i -> i.getResellerId().equals(RESELLER));
        assertThat(prepaid.getMonth()).isEqualTo("2030-09");
        assertThat(prepaid.getLines()).extracting(l -> l.getOrderId()).containsExactly("MJ-P5");
        assertThat(cents(prepaid.getTotal())).isEqualTo("120.00");
        // D-102: the prepaid invoice is e-mailed once numbered, as the numbered PDF
        DocumentNumbered number = await(DocumentNumbered.class, n -> n.getDocumentId().equals(prepaid.getInvoiceId()));
        MimeMessage prepaidMail = SystemUnderTest.emails(m -> SystemUnderTest.recipient(m).equals(RESELLER_MAIL)
                && SystemUnderTest.subject(m).equals("Your prepaid invoice " + number.getNumber() + " for 2030-09"), 1)
                .get(0);
        assertThat(SystemUnderTest.pdfText(prepaidMail)).contains("No. " + number.getNumber(), "MJ-P5",
                "Due date: " + number.getDueOn(), "Reference to quote with your transfer: " + number.getNumber());

        InvoiceIssued september = await(InvoiceIssued.class, i -> i.getPayerId().equals(RESELLER)
                && i.getMonth().equals("2030-09"));
        // Sep 10-30 = 21 days: P1 10 x 8.00 x 21/30 = 56.00, P5 2 x 8.00 x 21/30 = 11.20;
        // Sep 15-30 = 16 days: N1 5 x 8.00 x 16/30 = 21.333 -> 21.33, F1 3 x 8.00 x 16/30 = 12.80
        assertThat(cents(september.getSubtotal())).isEqualTo("101.33");
        // B6: only the new online customer's 21.33 is paid with credit; 424.44 - 21.33 = 403.11 carried
        assertThat(cents(september.getCreditsApplied())).isEqualTo("21.33");
        assertThat(cents(september.getTotalDue())).isEqualTo("80.00");

        tick("2030-11-01T00:00:30Z");
        InvoiceIssued october = await(InvoiceIssued.class, i -> i.getPayerId().equals(RESELLER)
                && i.getMonth().equals("2030-10"));
        // a full month: P1 80.00, P5 16.00, N1 40.00, F1 24.00 = 160.00; credit 40.00 (N1)
        assertThat(cents(october.getSubtotal())).isEqualTo("160.00");
        assertThat(cents(october.getCreditsApplied())).isEqualTo("40.00");
        assertThat(cents(october.getTotalDue())).isEqualTo("120.00");
        assertThat(kafka.events(Topics.BILLING_EVENTS, PrepaidInvoiceIssued.class).stream()
                .filter(i -> i.getResellerId().equals(RESELLER))).hasSize(1);

        // B5: the kept trial ended on 2030-09-20, the final trials on 2030-10-10: all suspended by now
        assertThat(kafka.await(Topics.BILLING_EVENTS, CustomerSuspended.class,
                s -> s.getResellerId().equals(RESELLER), 3, WAIT)).extracting(CustomerSuspended::getOrderId)
                .containsExactlyInAnyOrder("MJ-P2", "MJ-P3", "MJ-P4");
        assertThat(SystemUnderTest.emails(m -> SystemUnderTest.recipient(m).equals(RESELLER_MAIL)
                && SystemUnderTest.subject(m).startsWith("Customer suspended"), 3)).hasSize(3);
    }

    // X2: replaying the billing commands issues no invoice, credit or e-mail twice
    @Order(3)
    @Test
    void replayingTheCommandsIssuesNothingTwice() {
        // first let every partition finish what earlier ticks started (statements wait for other partitions' lines)
        SystemUnderTest.tickEveryPartition(Topics.BILLING_COMMANDS, Instant.parse("2030-11-01T03:00:00Z"));
        SystemUnderTest.sleep(3000);
        int emailsBefore = SystemUnderTest.emails(m -> true, 0).size();
        Set<String> before = SystemUnderTest.eventIds(Topics.BILLING_EVENTS);
        for (ConsumerRecord<String, byte[]> record : kafka.readAll(Topics.BILLING_COMMANDS)) {
            kafka.sendRaw(Topics.BILLING_COMMANDS, record.key(), record.value());
        }
        SystemUnderTest.sleep(8000);
        assertThat(SystemUnderTest.emails(m -> true, 0)).hasSize(emailsBefore);
        assertThat(SystemUnderTest.eventIds(Topics.BILLING_EVENTS)).isEqualTo(before);
    }

    private static void prepaid(String order, String account, int seats, String paid, String start, String renewal,
            boolean autoRenew, String status, String trialEnd) {
        // recorded the day before the opt-in (upstream reports its orders then); placed on their own dates
        send(new PrepaidOrderRecorded(at("2030-09-09T12:00:00Z"), RESELLER, order, account, "ONLINE", "STANDARD",
                "MJ-ISV", "MJ-SKU", null, seats, AvroMoney.toAvro(Money.of(paid, "EUR")), LocalDate.parse(start),
                LocalDate.parse(renewal), autoRenew, status, trialEnd == null ? null : LocalDate.parse(trialEnd),
                Instant.parse(start + "T00:00:00Z")));
    }

    private static void plan(String subscription, String account, String kind, int seats, String at) {
        send(new SubscriptionPlanChosen(at(at), subscription, RESELLER, account, "MJ-ISV", "MJ-SKU", null,
                BillingPlan.ANNUAL, seats, kind, "STANDARD", null));
    }

    private static void tick(String at) {
        send(new ClockTicked(at(at), Instant.parse(at)));
    }

    private static void send(SpecificRecord command) {
        kafka.send(Topics.BILLING_COMMANDS, RESELLER, command);
    }

    private static <T extends SpecificRecord> T await(Class<T> type, Predicate<T> match) {
        return kafka.await(Topics.BILLING_EVENTS, type, match, 1, WAIT).get(0);
    }

    private static EventMeta at(String instant) {
        return meta(Instant.parse(instant));
    }
}
