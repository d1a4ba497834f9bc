package io.channelhub.bench;

import com.icegreen.greenmail.util.GreenMail;
import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.localstack.DataDirectory;
import io.channelhub.localstack.Ports;
import io.channelhub.localstack.broker.KraftBroker;
import io.channelhub.localstack.mail.SmtpServer;
import io.channelhub.localstack.services.RunningService;
import io.channelhub.localstack.services.Services;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.security.DevTokenIssuer;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.streams.StreamsRunner;
import io.channelhub.platform.PlatformDefaults;
import io.channelhub.platform.topics.TopicCatalogue;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.notification.event.EmailSent;
import io.channelhub.transfer.TransferServiceApplication;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import io.channelhub.transfer.event.TransferRequested;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Transfers through the real stack, measured side by side in one run on one in-process broker (the machines are
 * shared and noisy, so only ratios within a run mean much):
 * <ol>
 *   <li>the whole local stack at a fixed rate: the time from each transfer's last approval being acknowledged by
 *       Kafka to its "transfer completed" e-mail arriving at the SMTP server;</li>
 *   <li>an identity Kafka Streams pass-through (byte[] in, byte[] out, the services' EOS v2 settings) of the very
 *       command records the next step sends;</li>
 *   <li>transfer-service alone, deciding N transfers of 5 commands each (request + 4 approvals), timed from the
 *       first send to the N-th TransferCompleted.</li>
 * </ol>
 * Run: {@code ./mvnw -q -pl bench -am install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dexec.args="--transfers=2000 --rate=50 --seconds=20"}
 */
public final class TransferBenchmark {

    private static final String KEY = "benchmark approval key, 32+ characters long";
    /** What a CHANGE_RESELLER transfer with four consents causes: consent requests, then completion notices. */
    private static final int EMAILS_PER_TRANSFER = 9;
    private final String bootstrap;
    private final DataDirectory data;
    private final EventSerde serde = new EventSerde();

    private final BenchKafka kafka;
    /** Settings on top of the stack's for every service ({@code --stack.<property>=<value>}). */
    private final Map<String, Object> stackSettings;

    TransferBenchmark(String bootstrap, DataDirectory data, Map<String, Object> stackSettings) {
        this.bootstrap = bootstrap;
        this.data = data;
        this.stackSettings = stackSettings;
        this.kafka = new BenchKafka(bootstrap, data);
    }

    public static void main(String[] args) {
        int status = 1;
        try {
            run(args);
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status); // Kafka and Spring threads would keep a failed run alive
        }
    }

    /** One run of the benchmark (CI runs it on a tiny input); returns the latency sweep's rows. */
    static List<LatencyChart.Row> run(String... args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>(Map.of("transfers", "2000", "rates", "5,10,25,50,100",
                "seconds", "10", "warmup", "5", "drain", "120", "out", "target/latency", "label", "this run"));
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0].equals("rate") ? "rates" : kv[0], kv[1]);
        }
        List<Integer> rates = java.util.Arrays.stream(options.get("rates").split(",")).map(Integer::valueOf).toList();
        DataDirectory data = DataDirectory.prepare(Path.of("target/bench-data"), true);
        try (KraftBroker broker = KraftBroker.start(data.kafka(), Ports.free(), Ports.free())) {
            BenchRegistry.bind();
            Map<String, Object> stack = new java.util.HashMap<>();
            options.forEach((k, v) -> {
                if (k.startsWith("stack.")) {
                    stack.put(k.substring("stack.".length()), v);
                }
            });
            TransferBenchmark bench = new TransferBenchmark(broker.bootstrapServers(), data, stack);
            bench.createTopics();
            // latency first, on a fresh stack: afterwards notification-service would first mail the backlog
            List<LatencyChart.Row> rows = bench.sweep(rates, Integer.parseInt(options.get("seconds")),
                    Integer.parseInt(options.get("warmup")), Duration.ofSeconds(Long.parseLong(options.get("drain"))));
            bench.chart(rows, Path.of(options.get("out")), options.get("label"), options.get("compare"));
            int transfers = Integer.parseInt(options.get("transfers"));
            if (transfers > 0) {
                List<ProducerRecord<String, byte[]>> commands = bench.commands("B-T", transfers);
                double passThrough = bench.passThrough(commands);
                double transferService = bench.transferService(commands, transfers);
                bench.report(transfers, passThrough, transferService);
            }
            return rows;
        }
    }

    /** The sweep's CSV and PNG ({@code out}.csv, {@code out}.png), beside an earlier run's CSV when given. */
    private void chart(List<LatencyChart.Row> rows, Path out, String label, String compare) throws Exception {
        Path csv = Path.of(out + ".csv");
        LatencyChart.writeCsv(csv, rows);
        List<LatencyChart.Row> earlier = compare == null ? List.of() : LatencyChart.readCsv(Path.of(compare));
        String earlierName = compare == null ? "" : Path.of(compare).getFileName().toString().replace(".csv", "");
        LatencyChart.writePng(Path.of(out + ".png"), "Last approval -> completion e-mail, " + label, rows,
                earlierName, earlier);
        System.out.printf("Wrote %s and %s.png%n", csv, out);
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            // as the stack's services would make them, --stack settings included
            List<NewTopic> topics = new ArrayList<>(TopicCatalogue.newTopics(PlatformDefaults.topics(stackSettings),
                    "transfer-service"));
            admin.createTopics(topics).all().get();
        }
    }

    /** Identity pass-through of the same records: the floor any stateful service is judged against. */
    private double passThrough(List<ProducerRecord<String, byte[]>> commands) {
        return kafka.passThrough("pass-through", commands);
    }

    /** transfer-service alone: N transfers of 5 commands, first send to the N-th completion. */
    private double transferService(List<ProducerRecord<String, byte[]>> commands, int transfers) throws Exception {
        ConfigurableApplicationContext service = new SpringApplicationBuilder(TransferServiceApplication.class).run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.kafka.streams.state-dir=" + data.streamsState("transfer-service-alone"),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + data.tokenIssuerPublicKey(),
                "--" + DevTokenIssuer.ISSUER_PROPERTY + "=" + DevTokenIssuer.ISSUER,
                "--" + DevTokenIssuer.AUDIENCES_PROPERTY + "=" + DevTokenIssuer.AUDIENCE,
                "--channelhub.approvals.key=" + KEY, "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            StreamsRunner runner = service.getBean(StreamsRunner.class);
            await(() -> runner.state() == KafkaStreams.State.RUNNING, Duration.ofSeconds(60));
            publishFacts("B-T", transfers);
            long start = System.nanoTime();
            send(commands);
            // the latency sweep's completions are on the same topic
            countUntil(Topics.TRANSFERS_EVENTS, r -> serde.decode(r) instanceof TransferCompleted c
                    && c.getDetails().getEntitlementId().startsWith("B-T-"), transfers,
                    Duration.ofMinutes(10));
            return commands.size() / seconds(start);
        } finally {
            service.close();
        }
    }

    private void report(int transfers, double passThrough, double transferService) {
        System.out.printf("%n| measure (%d transfers, %d command records, 3 partitions, EOS v2) | records/s |%n",
                transfers, transfers * 5);
        System.out.println("|---|---|");
        System.out.printf("| identity Kafka Streams pass-through of the same records | %.0f |%n", passThrough);
        System.out.printf("| transfer-service (decode, dedupe, decide, state, outcomes) | %.0f |%n", transferService);
        System.out.printf("| ratio transfer-service / pass-through | %.0f%% |%n%n", 100 * transferService / passThrough);
    }

    /**
     * The whole stack, one start, each rate in turn for {@code seconds}: last approval acknowledged -> "transfer
     * completed" e-mail accepted by SMTP, with each hop's share (from {@link Hops}), and every e-mail counted at
     * the SMTP server by Message-ID (lost, duplicated). Then the raw SMTP floor on the same server.
     */
    private List<LatencyChart.Row> sweep(List<Integer> rates, int seconds, int warmup, Duration drain)
            throws Exception {
        System.out.println("Starting the whole stack for the latency sweep...");
        GreenMail smtp = SmtpServer.start(Ports.free());
        Map<String, Object> overrides = new java.util.HashMap<>(stackSettings);
        overrides.put("server.port", 0); // beside a local stack on the default ports
        List<RunningService> services = Services.start(new Services.Settings(bootstrap,
                smtp.getSmtp().getPort(), data, Duration.ofSeconds(5), Services.ports(1, 0)), overrides, s -> { });
        List<LatencyChart.Row> rows = new ArrayList<>();
        try {
            for (RunningService service : services) {
                StreamsRunner runner = service.context().getBean(StreamsRunner.class);
                await(() -> runner.state() == KafkaStreams.State.RUNNING, Duration.ofSeconds(60));
            }
            try (Hops hops = new Hops(bootstrap).start()) {
                // a stack's first transactions and JIT compilation are not what a rate costs
                if (warmup > 0) {
                    System.out.println("Warm-up, not recorded: " + latency(smtp, hops, 2, warmup, drain).csv());
                }
                for (int rate : rates) {
                    rows.add(latency(smtp, hops, rate, seconds, drain));
                    System.out.printf("Audit trail so far: %d Message-IDs with more than one EmailSent%n",
                            hops.duplicatedSentRecords());
                }
                senderDrain(smtp, floorRate(rates), drain);
            }
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).context().close();
            }
        }
        try {
            smtpFloor(smtp, floorRate(rates));
        } finally {
            smtp.stop();
        }
        return rows;
    }

    private LatencyChart.Row latency(GreenMail smtp, Hops hops, int rate, int seconds, Duration drain)
            throws Exception {
        int count = rate * seconds;
        String prefix = "L" + rate + "x" + seconds;
        publishFacts(prefix, count);
        smtp.purgeEmailFromAllMailboxes();
        System.out.printf("Sending %d transfers at %d/s...%n", count, rate);
        Map<String, Long> approved = drive(prefix, rate, count);
        int expected = count * EMAILS_PER_TRANSFER;
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline && (smtp.getReceivedMessages().length < expected
                || !hops.acceptedByEntitlement().keySet().containsAll(approved.keySet()))) {
            sleep(500);
        }
        sleep(2000); // a late duplicate still counts
        Map<String, Long> accepted = hops.acceptedByEntitlement();
        List<Long> total = new ArrayList<>();
        List<Long> transfer = new ArrayList<>();
        List<Long> planning = new ArrayList<>();
        List<Long> sender = new ArrayList<>();
        approved.forEach((entitlement, at) -> {
            Hops.Path path = hops.path(entitlement);
            if (accepted.containsKey(entitlement) && path.completed() != null && path.planned() != null) {
                total.add(accepted.get(entitlement) - at);
                transfer.add(path.completed() - at);
                planning.add(path.planned() - path.completed());
                sender.add(path.accepted() - path.planned());
            }
        });
        Map<String, Integer> received = new java.util.HashMap<>();
        for (jakarta.mail.internet.MimeMessage m : smtp.getReceivedMessages()) {
            received.merge(m.getMessageID(), 1, Integer::sum);
        }
        int delivered = received.values().stream().mapToInt(Integer::intValue).sum();
        long[] millis = sorted(total);
        LatencyChart.Row row = new LatencyChart.Row(rate, count, millis.length, percentile(millis, 50),
                percentile(millis, 99), millis.length == 0 ? 0 : millis[millis.length - 1],
                percentile(sorted(transfer), 50), percentile(sorted(transfer), 99),
                percentile(sorted(planning), 50), percentile(sorted(planning), 99),
                percentile(sorted(sender), 50), percentile(sorted(sender), 99), expected, received.size(),
                Math.max(0, expected - received.size()), delivered - received.size());
        System.out.println(LatencyChart.HEADER);
        System.out.println(row.csv());
        return row;
    }

    /**
     * Requests at a fixed rate, each transfer's four approvals ~200 ms after its request; returns when Kafka
     * acknowledged each transfer's last approval. Sleeps between steps rather than spinning: a spinning generator
     * takes one of the machine's two cores from the stack it measures.
     */
    private Map<String, Long> drive(String prefix, int rate, int count) {
        Map<String, Long> approved = new ConcurrentHashMap<>();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime();
            int lag = Math.max(1, rate / 5); // approvals follow their request by ~200 ms
            for (int step = 0; step < count + lag; step++) {
                long wait = start + step * period - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                if (step < count) {
                    producer.send(transferCommands(prefix, step).get(0));
                }
                if (step >= lag) {
                    String entitlement = prefix + "-" + (step - lag);
                    List<ProducerRecord<String, byte[]>> five = transferCommands(prefix, step - lag);
                    for (int a = 1; a < 5; a++) {
                        boolean last = a == 4;
                        producer.send(five.get(a), (metadata, error) -> {
                            if (last && error == null) {
                                approved.put(entitlement, System.currentTimeMillis());
                            }
                        });
                    }
                }
            }
        }
        return approved;
    }

    /** The rate whose rendered e-mails the floors and the sender's drain send again: the third, or the last. */
    private static int floorRate(List<Integer> rates) {
        return rates.get(Math.min(2, rates.size() - 1));
    }

    /** The e-mails notification-service rendered during one rate's run, as they are on the outbox. */
    private List<EmailRequested> rendered(int rate) {
        List<EmailRequested> emails = new ArrayList<>();
        for (byte[] value : readAll(Topics.NOTIFICATIONS_OUTBOX)) {
            if (serde.decode(value) instanceof EmailRequested r && r.getSubject().contains(" L" + rate + "x")
                    && !r.getMessageId().contains("-drain@")) {
                emails.add(r);
            }
        }
        return emails;
    }

    /**
     * The senders' own throughput, to hold against the raw SMTP floor: one rate's rendered e-mails put back on the
     * outbox at once under new Message-IDs, a backlog, timed until SMTP accepted the last of them.
     */
    private void senderDrain(GreenMail smtp, int rate, Duration timeout) throws Exception {
        List<ProducerRecord<String, byte[]>> backlog = new ArrayList<>();
        for (EmailRequested email : rendered(rate)) {
            EmailRequested copy = EmailRequested.newBuilder(email)
                    .setMessageId(email.getMessageId().replace("@", "-drain@")).build();
            backlog.add(new ProducerRecord<>(Topics.NOTIFICATIONS_OUTBOX, copy.getMessageId(), serde.encode(copy)));
        }
        smtp.purgeEmailFromAllMailboxes();
        long start = System.nanoTime();
        send(backlog);
        long deadline = start + timeout.toNanos();
        while (smtp.getReceivedMessages().length < backlog.size() && System.nanoTime() < deadline) {
            sleep(50);
        }
        int received = smtp.getReceivedMessages().length;
        System.out.printf("%n| sender drain: the %d rendered e-mails of the %d/s run on the outbox at once, "
                + "notification-service's senders (%s) -> the same GreenMail | e-mails/s | received |%n"
                + "|---|---|---|%n| from the first send to the last e-mail accepted | %.0f | %d |%n", backlog.size(),
                rate, stackSettings.getOrDefault("channelhub.mail.senders", "the service's default"),
                received / seconds(start), received);
    }

    /** The rendered e-mails of one rate's run, straight from the outbox to the same SMTP server. */
    private void smtpFloor(GreenMail smtp, int rate) throws Exception {
        List<EmailRequested> emails = rendered(rate);
        System.out.printf("%n| raw SMTP floor: the %d rendered e-mails of the %d/s run, JavaMail -> the same "
                + "GreenMail, no Kafka | e-mails/s | one send p50 ms | p99 ms |%n|---|---|---|---|%n", emails.size(),
                rate);
        for (int connections : List.of(1, 3, 6)) {
            smtp.purgeEmailFromAllMailboxes();
            SmtpFloor.Figures f = SmtpFloor.measure(smtp.getSmtp().getPort(), emails, connections);
            System.out.printf("| %d connection(s), each reused for all its e-mails | %.0f | %.2f | %.2f |%n",
                    f.connections(), f.perSecond(), f.p50Millis(), f.p99Millis());
        }
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** A CHANGE_RESELLER transfer needs four consents: customer, ISV, current and target reseller. */
    void publishFacts(String prefix, int transfers) throws Exception {
        List<ProducerRecord<String, byte[]>> facts = new ArrayList<>(List.of(
                record(Topics.DIRECTORY_EVENTS, "isv:B-ISV", new IsvRegistered(meta(), "B-ISV", "Bench ISV",
                        "isv@bench.example", true)),
                record(Topics.DIRECTORY_EVENTS, "reseller:B-R1", new ResellerRegistered(meta(), "B-R1", "Bench R1",
                        "r1@bench.example", "IT", java.util.List.of(), null)),
                record(Topics.DIRECTORY_EVENTS, "reseller:B-R2", new ResellerRegistered(meta(), "B-R2", "Bench R2",
                        "r2@bench.example", "PT", java.util.List.of(), null)),
                record(Topics.DIRECTORY_EVENTS, "account:B-A1", new BillingAccountRegistered(meta(), "B-A1", "B-C",
                        "Bench Customer", "c@bench.example", "B-R1", null)),
                record(Topics.DIRECTORY_EVENTS, "account:B-A2", new BillingAccountRegistered(meta(), "B-A2", "B-C",
                        "Bench Customer", "c@bench.example", "B-R2", null))));
        for (int i = 0; i < transfers; i++) {
            facts.add(record(Topics.ENTITLEMENTS_EVENTS, prefix + "-" + i, new EntitlementActivated(meta(),
                    prefix + "-" + i, "B-O", "B-ISV", "B-A1")));
        }
        send(facts);
        // upstream publishes the directory long before requests: wait until transfer-service has copied it
        countUntil(ReferenceTable.tableTopic("transfer-service", Topics.DIRECTORY_EVENTS),
                r -> serde.decode(r) instanceof BillingAccountRegistered, 2, Duration.ofSeconds(60));
        Thread.sleep(2000);
    }

    List<ProducerRecord<String, byte[]>> commands(String prefix, int transfers) {
        List<ProducerRecord<String, byte[]>> all = new ArrayList<>();
        for (int i = 0; i < transfers; i++) {
            all.addAll(transferCommands(prefix, i));
        }
        return all;
    }

    /** The request and the four approvals of one transfer; the transfer id derives from the request's id. */
    private List<ProducerRecord<String, byte[]>> transferCommands(String prefix, int i) {
        String entitlement = prefix + "-" + i;
        String requestId = prefix + "-request-" + i;
        String transferId = EventIds.derive(requestId, "Transfer", 0);
        List<ProducerRecord<String, byte[]>> five = new ArrayList<>();
        five.add(record(Topics.TRANSFERS_COMMANDS, entitlement, TransferRequested.newBuilder()
                .setMeta(meta(requestId)).setCustomerCompanyName("Bench Customer").setEntitlementId(entitlement)
                .setOfferId("B-O").setCurrentBillingAccountId("B-A1").setTargetBillingAccountId("B-A2")
                .setContactName("Bench").setContactEmail("contact@bench.example").build()));
        String[][] parties = {{"CUSTOMER", "B-C"}, {"ISV", "B-ISV"}, {"CURRENT_RESELLER", "B-R1"},
                {"TARGET_RESELLER", "B-R2"}};
        for (String[] party : parties) {
            five.add(record(Topics.TRANSFERS_COMMANDS, entitlement, new TransferConsentSubmitted(
                    meta(requestId + "-" + party[0]), transferId, entitlement, PartyRole.valueOf(party[0]),
                    party[1], ConsentDecision.APPROVE, "upstream")));
        }
        return five;
    }

    private ProducerRecord<String, byte[]> record(String topic, String key, SpecificRecord event) {
        return new ProducerRecord<>(topic, key, serde.encode(event));
    }

    private static EventMeta meta() {
        return meta(UUID.randomUUID().toString());
    }

    private static EventMeta meta(String id) {
        return EventMeta.newBuilder().setEventId(id).setOccurredAt(Instant.now()).setProducer("bench").build();
    }

    private KafkaProducer<String, byte[]> producer() {
        return kafka.producer();
    }

    private void send(List<ProducerRecord<String, byte[]>> records) {
        kafka.send(records);
    }

    private void countUntil(String topic, java.util.function.Predicate<byte[]> match, int count, Duration timeout) {
        kafka.countUntil(topic, match, count, timeout);
    }

    private List<byte[]> readAll(String topic) {
        return readAllRecords(topic).stream().map(r -> r.value()).toList();
    }

    private List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> readAllRecords(String topic) {
        return kafka.readAll(topic);
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout) {
        BenchKafka.await(condition, timeout);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double seconds(long startNanos) {
        return BenchKafka.seconds(startNanos);
    }

    private static void sleep(long millis) {
        BenchKafka.sleep(millis);
    }
}
