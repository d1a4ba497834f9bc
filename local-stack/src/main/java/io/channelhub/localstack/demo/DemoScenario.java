package io.channelhub.localstack.demo;

import com.icegreen.greenmail.util.GreenMail;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.billing.event.SubscriptionRefused;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.discount.event.DiscountActionRefused;
import io.channelhub.discount.event.DiscountLapsed;
import io.channelhub.discount.event.DiscountRefused;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.localstack.demo.DemoEvents.Publication;
import io.channelhub.localstack.mail.Inbox;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes the demo scenario to the running stack, reports how long the first e-mail took, then bills the
 * reseller's month and prints the invoice and the ISV's payout statement as billing-service published them; ends
 * with {@link DemoSummary}'s block. Each record published is listed only when verbose.
 */
public final class DemoScenario {

    /** Time the services get to fold the reference data into their tables before the request arrives. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);
    /** How long each billing step may take before the demo says what is missing. */
    private static final Duration BILLING_TIMEOUT = Duration.ofSeconds(60);
    /** Ticks are idempotent: re-sent while waiting, in case one was taken before what it should act on. */
    private static final Duration TICK_AGAIN = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final GreenMail greenMail;
    private final PrintStream out;
    private final boolean verbose;

    public DemoScenario(String bootstrapServers, GreenMail greenMail, PrintStream out, boolean verbose) {
        this.bootstrapServers = bootstrapServers;
        this.greenMail = greenMail;
        this.out = out;
        this.verbose = verbose;
    }

    public void play(DemoSummary.Links links) throws InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        out.println("Demo: a CHANGE_RESELLER transfer of " + DemoEvents.ENTITLEMENT + " from "
                + DemoEvents.CURRENT_RESELLER + " to " + DemoEvents.TARGET_RESELLER);
        // linger: records sent back to back share a batch (publishTogether)
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10), new StringSerializer(), new EventSerde())) {
            for (Publication publication : DemoEvents.referenceData(now)) {
                publish(producer, publication);
            }
            Thread.sleep(SETTLE.toMillis());
            int mailBefore = greenMail.getReceivedMessages().length;
            publish(producer, DemoEvents.transferRequest(now));
            long requested = System.nanoTime();
            out.println("Demo published; watch the mail viewer at " + links.mailViewerUrl()
                    + " and click each party's approve link.");
            reportFirstMail(mailBefore, requested);
            publish(producer, DemoEvents.discountOffer(now));
            out.println("Demo: " + DemoEvents.ISV + " offers the customer 10% through " + DemoEvents.CURRENT_RESELLER
                    + "; the reseller's e-mail has the link to accept it.");
            playBilling(producer, now);
        }
        out.println();
        DemoSummary.lines(links, DemoEvents.billingMonth(now), new Inbox(greenMail).size()).forEach(out::println);
    }

    /**
     * B1–B4, D6, D8: the reseller's current month billed from the seed's prices, with the ISV's 10% in effect; the
     * figures printed are those on billing.events, nothing computed here. Each step waits for the outcome the next
     * one needs, so no invoice is issued before billing knows the discount.
     */
    private void playBilling(KafkaProducer<String, SpecificRecord> producer, Instant now)
            throws InterruptedException {
        YearMonth month = DemoEvents.billingMonth(now);
        out.println();
        out.println("Demo: billing " + month + ". " + DemoEvents.CURRENT_RESELLER + " resells three subscriptions to "
                + DemoEvents.CURRENT_ACCOUNT + " from the first of the month; " + DemoEvents.ISV
                + "'s 10% for the account (accepted upstream) is in effect all month.");
        List<Publication> reference = DemoEvents.billingReferenceData(now);
        for (Publication publication : reference) {
            publish(producer, publication);
        }
        List<Publication> discount = new ArrayList<>(DemoEvents.billingDiscount(month));
        discount.add(DemoEvents.discountTick(now));
        publishTogether(producer, discount);
        try (TopicReader priceTable = reader(ReferenceTable.tableTopic(BillingTopology.SERVICE,
                Topics.PRICES_EVENTS));
                TopicReader discounts = reader(Topics.DISCOUNTS_EVENTS);
                TopicReader billingDiscounts = reader(BillingTopology.DISCOUNTS_BY_RESELLER);
                TopicReader billing = reader(Topics.BILLING_EVENTS)) {
            if (!billingKnowsPricesAndDiscount(reference, priceTable, discounts, billingDiscounts)) {
                return;
            }
            Thread.sleep(SETTLE.toMillis()); // into billing's price store and discount table
            if (!plansAccepted(producer, month, billing)) {
                return;
            }
            List<Publication> monthEnd = DemoEvents.monthEndTicks(month);
            out.println("Month end: billing's clock to " + tickTime(monthEnd));
            Optional<SpecificRecord> invoice = tickUntil(producer, monthEnd, billing, e -> e instanceof InvoiceIssued i
                    && i.getPayerId().equals(DemoEvents.CURRENT_RESELLER) && i.getMonth().equals(month.toString()));
            if (invoice.isEmpty()) {
                missing("the invoice of " + DemoEvents.CURRENT_RESELLER + " for " + month);
                return;
            }
            BillingSummary.invoice((InvoiceIssued) invoice.get()).forEach(out::println);
            List<Publication> statements = DemoEvents.statementTicks(month);
            out.println("Statement delay passed: billing's clock to " + tickTime(statements));
            Optional<SpecificRecord> statement = tickUntil(producer, statements, billing,
                    e -> e instanceof PayoutStatementIssued s && s.getIsvId().equals(DemoEvents.ISV)
                            && s.getMonth().equals(month.toString()));
            if (statement.isEmpty()) {
                missing("the payout statement of " + DemoEvents.ISV + " for " + month);
                return;
            }
            BillingSummary.statement((PayoutStatementIssued) statement.get()).forEach(out::println);
        }
    }

    /** The prices in billing's copy of prices.events, the discount started and re-keyed to billing's own topic. */
    private boolean billingKnowsPricesAndDiscount(List<Publication> reference, TopicReader priceTable,
            TopicReader discounts, TopicReader billingDiscounts) throws InterruptedException {
        List<String> prices = reference.stream().filter(p -> p.topic().equals(Topics.PRICES_EVENTS))
                .map(p -> Events.eventId(p.event())).toList();
        if (!priceTable.awaitAll(prices, BILLING_TIMEOUT)) {
            missing("the prices in " + priceTable.topic());
            return false;
        }
        String discountId = DemoEvents.billingDiscountId();
        Optional<SpecificRecord> outcome = discounts.await(e -> e instanceof DiscountStarted s
                && s.getTerms().getDiscountId().equals(discountId)
                || e instanceof DiscountLapsed l && l.getTerms().getDiscountId().equals(discountId)
                || e instanceof DiscountActionRefused a && a.getDiscountId().equals(discountId)
                || e instanceof DiscountRefused r && r.getRequestId().equals(DemoEvents.billingDiscountRequestId()),
                BILLING_TIMEOUT);
        if (outcome.isEmpty()) {
            missing("the start of the billing discount " + discountId + " on " + discounts.topic());
            return false;
        }
        if (!(outcome.get() instanceof DiscountStarted started)) {
            out.println("Demo billing stopped: the billing discount did not start: " + outcome.get());
            return false;
        }
        out.println("Discount " + discountId + " in effect from " + started.getAt() + " ("
                + started.getTerms().getPercent() + "%)");
        String startedId = Events.eventId(started);
        if (billingDiscounts.await(e -> Events.eventId(e).equals(startedId), BILLING_TIMEOUT).isEmpty()) {
            missing("the discount's start on " + billingDiscounts.topic());
            return false;
        }
        return true;
    }

    /** B1, B2: each plan and change accepted, with the unit price billing fixed from the list and the margin. */
    private boolean plansAccepted(KafkaProducer<String, SpecificRecord> producer, YearMonth month,
            TopicReader billing) throws InterruptedException {
        List<Publication> plans = DemoEvents.billingPlans(month);
        for (Publication publication : plans) {
            publish(producer, publication);
        }
        out.println("Plans as billing-service accepted them (unit price: list less the reseller's margin, / 12):");
        for (Publication publication : plans) {
            String commandId = Events.eventId(publication.event());
            Optional<SpecificRecord> outcome = billing.await(e -> (e instanceof SubscriptionUpdated
                    || e instanceof SubscriptionRefused) && commandId.equals(Events.meta(e).getCausationId()),
                    BILLING_TIMEOUT);
            if (outcome.isEmpty()) {
                missing("billing's answer to " + publication.event().getSchema().getName() + " " + commandId);
                return false;
            }
            if (outcome.get() instanceof SubscriptionRefused refused) {
                out.println("Demo billing stopped: " + refused.getSubscriptionId() + " refused " + refused.getReasons()
                        + ": " + refused.getDetail());
                return false;
            }
            out.println(BillingSummary.subscription((SubscriptionUpdated) outcome.get()));
        }
        return true;
    }

    /** Publishes the ticks, and again every few seconds, until the event comes or the time is up. */
    private Optional<SpecificRecord> tickUntil(KafkaProducer<String, SpecificRecord> producer,
            List<Publication> ticks, TopicReader reader, Predicate<SpecificRecord> matches)
            throws InterruptedException {
        for (Publication tick : ticks) {
            publish(producer, tick);
        }
        return reader.await(matches, BILLING_TIMEOUT, TICK_AGAIN, () -> {
            for (Publication tick : ticks) {
                send(producer, tick);
            }
        });
    }

    private void missing(String what) {
        out.println("Demo billing stopped: no " + what + " within " + BILLING_TIMEOUT.toSeconds() + " s. See the "
                + "log file below; the demo's billing events are dated this month's first day, which must lie "
                + "within the services' dedupe window (channelhub.dedupe-retention, 30 days).");
    }

    private static Instant tickTime(List<Publication> ticks) {
        return ((ClockTicked) ticks.get(0).event()).getAt();
    }

    private TopicReader reader(String topic) {
        return new TopicReader(bootstrapServers, topic);
    }

    private void publish(KafkaProducer<String, SpecificRecord> producer, Publication publication)
            throws InterruptedException {
        send(producer, publication);
        print(publication);
    }

    /**
     * Sent back to back and awaited together: records for one partition then travel in one batch, so no other
     * producer's record (a clock tick) lands between them.
     */
    private void publishTogether(KafkaProducer<String, SpecificRecord> producer, List<Publication> publications)
            throws InterruptedException {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Publication publication : publications) {
            sent.add(producer.send(record(publication)));
        }
        for (int i = 0; i < sent.size(); i++) {
            await(sent.get(i), publications.get(i));
            print(publications.get(i));
        }
    }

    private static void send(KafkaProducer<String, SpecificRecord> producer, Publication publication)
            throws InterruptedException {
        await(producer.send(record(publication)), publication);
    }

    private static ProducerRecord<String, SpecificRecord> record(Publication publication) {
        return new ProducerRecord<>(publication.topic(), publication.key(), publication.event());
    }

    private static void await(Future<RecordMetadata> sent, Publication publication) throws InterruptedException {
        try {
            sent.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + publication.topic(), e.getCause());
        }
    }

    private void print(Publication publication) {
        if (!verbose) {
            return;
        }
        out.printf("  %-20s %-40s %s %s%n", publication.topic(), publication.key(),
                publication.event().getSchema().getName(), Events.eventId(publication.event()));
    }

    private void reportFirstMail(int mailBefore, long requested) throws InterruptedException {
        long deadline = requested + MAIL_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] received = greenMail.getReceivedMessages();
            if (received.length > mailBefore) {
                out.printf("First e-mail arrived %d ms after the transfer request: \"%s\"%n",
                        Duration.ofNanos(System.nanoTime() - requested).toMillis(), newestSubject(received));
                return;
            }
            Thread.sleep(50);
        }
        out.println("No e-mail within " + MAIL_TIMEOUT.toSeconds() + " s. If this data directory has played the demo "
                + "before, that is the replay guard at work (same event ids, no second e-mail): --wipe starts afresh.");
    }

    /** GreenMail lists messages per recipient mailbox, not by arrival: the newest is found by its received date. */
    private static String newestSubject(MimeMessage[] received) {
        try {
            MimeMessage newest = received[0];
            for (MimeMessage message : received) {
                if (message.getReceivedDate().after(newest.getReceivedDate())) {
                    newest = message;
                }
            }
            return newest.getSubject();
        } catch (MessagingException e) {
            return "(unreadable subject)";
        }
    }
}
