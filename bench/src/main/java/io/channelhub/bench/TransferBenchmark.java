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
    private final String bootstrap;
    private final DataDirectory data;
    private final EventSerde serde = new EventSerde();

    private final BenchKafka kafka;

    TransferBenchmark(String bootstrap, DataDirectory data) {
        this.bootstrap = bootstrap;
        this.data = data;
        this.kafka = new BenchKafka(bootstrap, data);
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new java.util.HashMap<>(Map.of("transfers", 2000, "rate", 50, "seconds", 20));
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], Integer.parseInt(kv[1]));
        }
        DataDirectory data = DataDirectory.prepare(Path.of("target/bench-data"), true);
        int status = 1;
        try (KraftBroker broker = KraftBroker.start(data.kafka(), Ports.free(), Ports.free())) {
            BenchRegistry.bind();
            TransferBenchmark bench = new TransferBenchmark(broker.bootstrapServers(), data);
            bench.createTopics();
            // latency first, on a fresh stack: afterwards notification-service would first mail the backlog
            bench.latency(options.get("rate"), options.get("seconds"));
            int transfers = options.get("transfers");
            List<ProducerRecord<String, byte[]>> commands = bench.commands("B-T", transfers);
            double passThrough = bench.passThrough(commands);
            double transferService = bench.transferService(commands, transfers);
            bench.report(transfers, passThrough, transferService);
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status); // Kafka and Spring threads would keep a failed run alive
        }
    }

    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> topics = new ArrayList<>(TopicCatalogue.newTopics(3, (short) 1, "transfer-service"));
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
            countUntil(Topics.TRANSFERS_EVENTS, r -> serde.decode(r) instanceof TransferCompleted, transfers,
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

    /** The whole stack at a fixed rate: last approval acknowledged -> "transfer completed" e-mail received. */
    private void latency(int rate, int seconds) throws Exception {
        int count = rate * seconds;
        System.out.println("Starting the whole stack for the latency run...");
        GreenMail smtp = SmtpServer.start(Ports.free());
        List<RunningService> services = Services.start(new Services.Settings(bootstrap,
                smtp.getSmtp().getPort(), data, Duration.ofSeconds(5), Services.ports(1, 0)), s -> { });
        try {
            for (RunningService service : services) {
                StreamsRunner runner = service.context().getBean(StreamsRunner.class);
                await(() -> runner.state() == KafkaStreams.State.RUNNING, Duration.ofSeconds(60));
            }
            publishFacts("B-L", count);
            System.out.printf("Stack up; sending %d transfers at %d/s...%n", count, rate);
            Map<String, Long> approved = new ConcurrentHashMap<>();
            try (KafkaProducer<String, byte[]> producer = producer()) {
                long period = 1_000_000_000L / rate;
                long start = System.nanoTime();
                int lag = Math.max(1, rate / 5); // approvals follow their request by ~200 ms
                for (int step = 0; step < count + lag; step++) {
                    while (System.nanoTime() < start + step * period) {
                        Thread.onSpinWait();
                    }
                    if (step < count) {
                        producer.send(transferCommands("B-L", step).get(0));
                    }
                    if (step >= lag) {
                        String entitlement = "B-L-" + (step - lag);
                        List<ProducerRecord<String, byte[]>> five = transferCommands("B-L", step - lag);
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
            System.out.printf("Sent (%d last approvals acknowledged); waiting for the completion e-mails...%n",
                    approved.size());
            Map<String, Long> completed = completionEmailsSent(count, Duration.ofSeconds(120));
            long[] millis = approved.entrySet().stream().filter(e -> completed.containsKey(e.getKey()))
                    .mapToLong(e -> completed.get(e.getKey()) - e.getValue()).sorted().toArray();
            System.out.printf("| whole stack at %d transfers/s for %d s (%d transfers, 9 e-mails each) | ms |%n",
                    rate, seconds, count);
            System.out.println("|---|---|");
            System.out.printf("| last approval acknowledged -> completion e-mail accepted by SMTP, min | %d |%n",
                    millis.length == 0 ? 0 : millis[0]);
            System.out.printf("| p50 | %d |%n", percentile(millis, 50));
            System.out.printf("| p99 | %d |%n| max | %d |%n| completed | %d of %d |%n%n", percentile(millis, 99),
                    millis.length == 0 ? 0 : millis[millis.length - 1], millis.length, count);
        } finally {
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).context().close();
            }
            smtp.stop();
        }
    }

    /**
     * When the SMTP server accepted each "transfer completed" e-mail of the latency run, by entitlement: the
     * audit trail's EmailSent (stamped when the server accepted it) joined to the outbox record naming its subject.
     */
    private Map<String, Long> completionEmailsSent(int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<String, String> entitlementByMessage = new java.util.HashMap<>();
            for (byte[] value : readAll(Topics.NOTIFICATIONS_OUTBOX)) {
                if (serde.decode(value) instanceof EmailRequested r && r.getTemplate().equals("transfer-completed-isv")
                        && r.getSubject().contains(" B-L-")) {
                    entitlementByMessage.put(r.getMessageId(), r.getSubject().substring(r.getSubject()
                            .lastIndexOf(' ') + 1));
                }
            }
            Map<String, Long> sentAt = new java.util.HashMap<>();
            readAllRecords(Topics.NOTIFICATIONS_EVENTS).forEach(r -> {
                if (serde.decode(r.value()) instanceof EmailSent sent
                        && entitlementByMessage.containsKey(sent.getMessageId())) {
                    sentAt.put(entitlementByMessage.get(sent.getMessageId()), r.timestamp());
                }
            });
            if (sentAt.size() >= count || System.nanoTime() > deadline) {
                return sentAt;
            }
            sleep(2000);
        }
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
                        "Bench Customer", "c@bench.example", "B-R1")),
                record(Topics.DIRECTORY_EVENTS, "account:B-A2", new BillingAccountRegistered(meta(), "B-A2", "B-C",
                        "Bench Customer", "c@bench.example", "B-R2"))));
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
