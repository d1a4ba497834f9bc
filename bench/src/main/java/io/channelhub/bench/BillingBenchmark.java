package io.channelhub.bench;

import com.icegreen.greenmail.util.GreenMail;
import io.channelhub.billing.BillingServiceApplication;
import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.SubscriptionChange;
import io.channelhub.billing.event.SubscriptionChangeRequested;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.localstack.DataDirectory;
import io.channelhub.localstack.Ports;
import io.channelhub.localstack.broker.KraftBroker;
import io.channelhub.localstack.mail.SmtpServer;
import io.channelhub.localstack.services.RunningService;
import io.channelhub.localstack.services.Services;
import io.channelhub.notification.domain.InvoiceEmails;
import io.channelhub.notification.event.EmailSent;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.security.DevTokenIssuer;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.streams.StreamsRunner;
import io.channelhub.platform.PlatformDefaults;
import io.channelhub.platform.topics.TopicCatalogue;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.pricing.event.ResellerMarginSet;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The month-end invoice run (B4), measured in one process on one in-process broker, side by side with an identity
 * pass-through of the same events:
 * <ol>
 *   <li>billing-service takes N subscriptions across P payers (half Annual, half Flexible), each a
 *       {@code SubscriptionPlanChosen}: records/s until every {@code SubscriptionUpdated};</li>
 *   <li>the identity Kafka Streams pass-through of the very same records: records/s;</li>
 *   <li>the month-end run: a tick on every partition, then wall time until every payer's {@code InvoiceIssued},
 *       and subscriptions invoiced per second.</li>
 * </ol>
 * Peak heap is the JVM's (broker, service and producers share it), sampled from the memory pools' peaks.
 * Run: {@code ./mvnw -q -pl bench -am install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dbench=BillingBenchmark -Dexec.args="--subscriptions=100000 --payers=1000"}
 */
public final class BillingBenchmark {

    private static final Instant MARCH = Instant.parse("2030-03-01T00:00:00Z");
    private static final Instant MONTH_END_TICK = Instant.parse("2030-04-01T00:00:30Z");
    private final BenchKafka kafka;
    private final DataDirectory data;
    private final EventSerde serde = new EventSerde();

    BillingBenchmark(BenchKafka kafka, DataDirectory data) {
        this.kafka = kafka;
        this.data = data;
    }

    public static void main(String[] args) {
        Map<String, Integer> options = new HashMap<>(Map.of("subscriptions", 100_000, "payers", 1000,
                "pass-through", 1, "emails", 0));
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], Integer.parseInt(kv[1]));
        }
        int status = 1;
        try {
            System.out.println(measure(Path.of("target/bench-data-billing"), options.get("subscriptions"),
                    options.get("payers"), options.get("pass-through") != 0, options.get("emails") != 0));
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status); // Kafka and Spring threads would keep a failed run alive
        }
    }

    /**
     * The whole run on a fresh broker in {@code directory}, as a Markdown table; {@code passThrough}: whether to
     * run the pass-through of the plans too (ServiceBenchmark compares intake; at a million it only costs time);
     * {@code emails}: run notification-service and an SMTP server too, and time the run to the last invoice e-mail
     * (with its PDF) accepted by SMTP.
     */
    static String measure(Path directory, int subscriptions, int payers, boolean passThrough, boolean emails)
            throws Exception {
        DataDirectory data = DataDirectory.prepare(directory, true);
        try (KraftBroker broker = KraftBroker.start(data.kafka(), Ports.free(), Ports.free())) {
            BenchRegistry.bind();
            return new BillingBenchmark(new BenchKafka(broker.bootstrapServers(), data), data).run(subscriptions,
                    payers, passThrough, emails);
        }
    }

    private String run(int subscriptions, int payers, boolean withPassThrough, boolean emails) throws Exception {
        createTopics();
        GreenMail smtp = emails ? SmtpServer.start(Ports.free()) : null;
        List<RunningService> notification = new ArrayList<>();
        if (emails) { // the invoices' e-mails: notification-service alone, beside billing-service
            Services.start(new Services.Settings(kafka.bootstrap(), smtp.getSmtp().getPort(), data,
                    Duration.ofMinutes(1), Map.of("notification-service", 0)), Map.of(), notification::add);
        }
        List<ProducerRecord<String, byte[]>> plans = plans("", subscriptions, payers);
        ConfigurableApplicationContext service = new SpringApplicationBuilder(BillingServiceApplication.class).run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.bootstrap(),
                "--spring.kafka.streams.state-dir=" + data.streamsState("billing-service"),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + data.tokenIssuerPublicKey(),
                "--" + DevTokenIssuer.ISSUER_PROPERTY + "=" + DevTokenIssuer.ISSUER,
                "--" + DevTokenIssuer.AUDIENCES_PROPERTY + "=" + DevTokenIssuer.AUDIENCE,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            StreamsRunner runner = service.getBean(StreamsRunner.class);
            BenchKafka.await(() -> runner.state() == KafkaStreams.State.RUNNING, Duration.ofSeconds(120));
            publishReferenceData(payers);
            resetPeaks();

            long start = System.nanoTime();
            kafka.send(plans);
            kafka.countUntil(Topics.BILLING_EVENTS, r -> serde.decode(r) instanceof SubscriptionUpdated,
                    plans.size(), Duration.ofMinutes(20));
            double ingest = plans.size() / BenchKafka.seconds(start);
            long ingestHeap = peakHeapMb();

            double passThrough = withPassThrough ? kafka.passThrough("billing-pass-through", plans) : Double.NaN;

            int planRecords = plans.size();
            plans = null; // a million plans are 400 MB of the bench's own: not the service's heap
            System.gc();
            resetPeaks();
            long run = System.nanoTime();
            List<ProducerRecord<String, byte[]>> ticks = new ArrayList<>();
            for (int partition = 0; partition < 3; partition++) {
                ticks.add(new ProducerRecord<>(Topics.BILLING_COMMANDS, partition, MONTH_END_TICK.toEpochMilli(),
                        "clock", serde.encode(new ClockTicked(meta("tick-" + partition, MONTH_END_TICK),
                        MONTH_END_TICK))));
            }
            kafka.send(ticks);
            kafka.countUntil(Topics.BILLING_EVENTS, r -> serde.decode(r) instanceof InvoiceIssued, payers,
                    Duration.ofMinutes(30));
            double runSeconds = BenchKafka.seconds(run);
            long runHeap = peakHeapMb();
            double emailSeconds = Double.NaN;
            if (emails) {
                kafka.countUntil(Topics.NOTIFICATIONS_EVENTS, r -> serde.decode(r) instanceof EmailSent sent
                        && InvoiceEmails.ISSUED.equals(sent.getTemplate()), payers, Duration.ofMinutes(60));
                emailSeconds = BenchKafka.seconds(run);
                runHeap = peakHeapMb();
            }

            StringBuilder table = new StringBuilder();
            table.append(String.format("%n| measure (%d subscriptions, %d payers, %d command records, 3 partitions, "
                    + "EOS v2) | value |%n|---|---|%n", subscriptions, payers, planRecords));
            table.append(String.format("| plans and seat changes taken by billing-service (decode, dedupe, price, "
                    + "decide, store), records/s | %.0f |%n", ingest));
            if (withPassThrough) {
                table.append(String.format("| identity Kafka Streams pass-through of the same records, records/s | "
                        + "%.0f |%n| ratio billing-service / pass-through | %.0f%% |%n", passThrough,
                        100 * ingest / passThrough));
            }
            table.append(String.format("| month-end run: tick to the %d-th invoice issued, wall time s | %.1f |%n",
                    payers, runSeconds));
            table.append(String.format("| month-end run: subscriptions invoiced per second | %.0f |%n",
                    subscriptions / runSeconds));
            if (emails) {
                table.append(String.format("| month-end run: tick to the %d-th invoice e-mail (with its PDF) accepted "
                        + "by SMTP, wall time s | %.1f |%n", payers, emailSeconds));
            }
            table.append(String.format("| peak heap of the whole JVM (broker + service), plans phase / month-end "
                    + "run, MB | %d / %d |%n", ingestHeap, runHeap));
            return table.toString();
        } finally {
            for (RunningService running : notification) {
                running.context().close();
            }
            service.close();
            if (smtp != null) {
                smtp.stop();
            }
        }
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()))) {
            Map<String, NewTopic> topics = new LinkedHashMap<>();
            TopicCatalogue.newTopics(PlatformDefaults.topics().with(List.of(Topics.DIRECTORY_EVENTS,
                            Topics.PRICES_EVENTS), List.of("billing-service.discounts-by-reseller",
                            "billing-service.payout-lines")), "billing-service")
                    .forEach(t -> topics.putIfAbsent(t.name(), t));
            TopicCatalogue.newTopics(PlatformDefaults.topics(), "notification-service")
                    .forEach(t -> topics.putIfAbsent(t.name(), t));
            admin.createTopics(List.copyOf(topics.values())).all().get();
        }
    }

    void publishReferenceData(int payers) {
        List<ProducerRecord<String, byte[]>> reference = new ArrayList<>();
        reference.add(record(Topics.PRICES_EVENTS, "price:SKU-A:ANNUAL", new PriceListed(meta("price-a", MARCH),
                "SKU-A", "ISV-1", BillingPlan.ANNUAL, AvroMoney.toAvro(Money.of("50.00", "EUR")), null)));
        reference.add(record(Topics.PRICES_EVENTS, "price:SKU-F:FLEXIBLE", new PriceListed(meta("price-f", MARCH),
                "SKU-F", "ISV-2", BillingPlan.FLEXIBLE, AvroMoney.toAvro(Money.of("60.00", "EUR")), null)));
        for (int p = 0; p < payers; p++) {
            reference.add(record(Topics.PRICES_EVENTS, "margin:R-" + p, new ResellerMarginSet(meta("margin-" + p,
                    MARCH), "R-" + p, new BigDecimal("20.00"))));
            reference.add(record(Topics.DIRECTORY_EVENTS, "reseller:R-" + p, new ResellerRegistered(meta("r-" + p,
                    MARCH), "R-" + p, "Reseller " + p, "billing@r" + p + ".example", "IT", java.util.List.of(), null)));
        }
        kafka.send(reference);
        kafka.countUntil(ReferenceTable.tableTopic("billing-service", Topics.PRICES_EVENTS),
                r -> serde.decode(r) instanceof ResellerMarginSet, payers, Duration.ofMinutes(5));
        BenchKafka.sleep(2000);
    }

    /**
     * Every payer gets half Annual (10 licences) and half Flexible subscriptions (cap 10, 5 users from the first
     * day): a plan per subscription, and a seat change per Flexible one. Ids start with {@code prefix}.
     */
    List<ProducerRecord<String, byte[]>> plans(String prefix, int subscriptions, int payers) {
        List<ProducerRecord<String, byte[]>> plans = new ArrayList<>(subscriptions * 3 / 2);
        for (int s = 0; s < subscriptions; s++) {
            String payer = "R-" + (s % payers);
            boolean annual = (s / payers) % 2 == 0;
            plans.add(record(Topics.BILLING_COMMANDS, payer, new SubscriptionPlanChosen(meta(prefix + "plan-" + s,
                    MARCH), prefix + "S-" + s, payer, prefix + "A-" + s, annual ? "ISV-1" : "ISV-2",
                    annual ? "SKU-A" : "SKU-F", null,
                    annual ? BillingPlan.ANNUAL : BillingPlan.FLEXIBLE, 10, null, null, null)));
            if (!annual) {
                plans.add(record(Topics.BILLING_COMMANDS, payer, new SubscriptionChangeRequested(
                        meta(prefix + "users-" + s, MARCH.plusSeconds(60)), prefix + "S-" + s, payer,
                        SubscriptionChange.ADD_SEATS, 5)));
            }
        }
        return plans;
    }

    private ProducerRecord<String, byte[]> record(String topic, String key, SpecificRecord event) {
        return new ProducerRecord<>(topic, key, serde.encode(event));
    }

    private static EventMeta meta(String name, Instant at) {
        return EventIds.origin(EventIds.derive("bench", name, 0), at, "bench");
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }
}
