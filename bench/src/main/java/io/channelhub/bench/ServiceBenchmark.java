package io.channelhub.bench;

import io.channelhub.billing.BillingServiceApplication;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.discount.DiscountServiceApplication;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.localstack.DataDirectory;
import io.channelhub.localstack.Ports;
import io.channelhub.localstack.broker.KraftBroker;
import io.channelhub.notification.domain.EmailPlanner;
import io.channelhub.notification.email.EmailRenderer;
import io.channelhub.notification.email.SignedApprovalLinks;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.notification.stream.NotificationTopology;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.security.DevTokenIssuer;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.streams.StreamsRunner;
import io.channelhub.platform.PlatformDefaults;
import io.channelhub.platform.topics.TopicCatalogue;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.TransferServiceApplication;
import io.channelhub.transfer.event.TransferCompleted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * Every service's throughput measured the same way, in one run on one in-process broker (3 partitions, EOS v2):
 * for each, the service itself, then an identity Kafka Streams pass-through of the very same records (with the
 * service's commit interval), each timed from the first send to the last expected output. Only the ratio of the two means much on a
 * shared machine.
 * <ul>
 *   <li>transfer-service: N/5 transfers, a request and four approvals each, until every TransferCompleted;</li>
 *   <li>discount-service: N discount requests over many ISV-reseller pairs, until every DiscountProposed;</li>
 *   <li>billing-service intake: plans and seat changes (half Annual, half Flexible), until every
 *       SubscriptionUpdated;</li>
 *   <li>notification planning: what transfer- and discount-service published in this run, events in, rendered
 *       EmailRequested out (the topology alone: no SMTP sending), until every planned e-mail.</li>
 * </ul>
 * Run: {@code java -cp ... io.channelhub.bench.ServiceBenchmark --records=100000} (docs/benchmarks.md).
 */
public final class ServiceBenchmark {

    private static final String KEY = "benchmark approval key, 32+ characters long";
    private static final Instant NOW = Instant.now();
    private static final EventSerde SERDE = new EventSerde();

    private final BenchKafka kafka;
    private final DataDirectory data;
    /** Per service: the pass-through's rate (the mean of one run before and one after the service), the service's. */
    final Map<String, BenchKafka.Rate[]> figures = new LinkedHashMap<>();
    private final Map<String, Integer> sizes = new LinkedHashMap<>();
    /** Per output topic: where the timed run's outputs start (the warm-up's end before them). */
    private final Map<String, Map<TopicPartition, Long>> timedOutputsFrom = new HashMap<>();

    private ServiceBenchmark(BenchKafka kafka, DataDirectory data) {
        this.kafka = kafka;
        this.data = data;
    }

    public static void main(String[] args) {
        Map<String, Integer> options = new HashMap<>(Map.of("records", 100_000));
        options.put("warmup", -1);
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], Integer.parseInt(kv[1]));
        }
        int status = 1;
        try {
            int records = options.get("records");
            int warmup = options.get("warmup") < 0 ? records : options.get("warmup");
            System.out.println(report(measure(Path.of("target/bench-data-services"), records, warmup)));
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status); // Kafka and Spring threads would keep a failed run alive
        }
    }

    /**
     * The whole run on a fresh broker in {@code directory}: each service first takes {@code warmup} records of the
     * same kind (other ids), untimed, then the {@code records} it is timed on.
     */
    static ServiceBenchmark measure(Path directory, int records, int warmup) throws Exception {
        DataDirectory data = DataDirectory.prepare(directory, true);
        try (KraftBroker broker = KraftBroker.start(data.kafka(), Ports.free(), Ports.free())) {
            BenchRegistry.bind();
            ServiceBenchmark bench = new ServiceBenchmark(new BenchKafka(broker.bootstrapServers(), data), data);
            bench.createTopics();
            bench.transfers(warmup, records);
            bench.discounts(warmup, records);
            bench.billingIntake(warmup, records);
            bench.notificationPlanning();
            return bench;
        }
    }

    private void createTopics() {
        Map<String, NewTopic> topics = new LinkedHashMap<>();
        for (String service : List.of("transfer-service", "discount-service")) {
            TopicCatalogue.newTopics(PlatformDefaults.topics(), service).forEach(t -> topics.putIfAbsent(t.name(), t));
        }
        TopicCatalogue.newTopics(PlatformDefaults.topics().with(List.of(Topics.DIRECTORY_EVENTS,
                        Topics.PRICES_EVENTS), List.of("billing-service.discounts-by-reseller",
                        "billing-service.payout-lines")), "billing-service")
                .forEach(t -> topics.putIfAbsent(t.name(), t));
        kafka.createTopics(List.copyOf(topics.values()));
    }

    private void transfers(int warmup, int records) throws Exception {
        TransferBenchmark workload = new TransferBenchmark(kafka.bootstrap(), data, Map.of());
        Workload warm = new Workload(workload.commands("W-T", warmup / 5), warmup / 5);
        Workload timed = new Workload(workload.commands("S-T", records / 5), records / 5);
        measure("transfer-service (requests and approvals -> TransferCompleted)", "transfer-service",
                TransferServiceApplication.class, warm, timed, () -> {
                    workload.publishFacts("W-T", warm.outputs());
                    workload.publishFacts("S-T", timed.outputs());
                }, Topics.TRANSFERS_EVENTS, r -> SERDE.decode(r) instanceof TransferCompleted);
    }

    /**
     * 100 ISVs, each reselling through every one of {@code records / 100} resellers (one customer account each):
     * one request per ISV-reseller pair, so each discount book holds one discount, as most do. The warm-up has ISVs,
     * resellers and accounts of its own.
     */
    private void discounts(int warmup, int records) throws Exception {
        List<ProducerRecord<String, byte[]>> directory = new ArrayList<>();
        Workload warm = discountRequests("WD", warmup, directory);
        Workload timed = discountRequests("D", records, directory);
        int accounts = (int) directory.stream().filter(r -> r.key().startsWith("account:")).count();
        measure("discount-service (requests -> DiscountProposed)", "discount-service",
                DiscountServiceApplication.class, warm, timed, () -> {
                    kafka.send(directory);
                    kafka.countUntil(ReferenceTable.tableTopic("discount-service", Topics.DIRECTORY_EVENTS),
                            r -> SERDE.decode(r) instanceof BillingAccountRegistered, accounts,
                            Duration.ofMinutes(5));
                    BenchKafka.sleep(2000);
                }, Topics.DISCOUNTS_EVENTS, r -> SERDE.decode(r) instanceof DiscountProposed);
    }

    /** {@code records} requests over 100 ISVs and their resellers, ids starting with {@code prefix}. */
    private static Workload discountRequests(String prefix, int records,
            List<ProducerRecord<String, byte[]>> directory) {
        int isvs = 100;
        int resellers = Math.max(1, records / isvs);
        for (int i = 0; i < isvs; i++) {
            directory.add(record(Topics.DIRECTORY_EVENTS, "isv:" + prefix + "-I" + i, new IsvRegistered(
                    meta(prefix + "isv-" + i), prefix + "-I" + i, "ISV " + i, "isv" + i + "@bench.example", true)));
        }
        for (int r = 0; r < resellers; r++) {
            directory.add(record(Topics.DIRECTORY_EVENTS, "reseller:" + prefix + "-R" + r, new ResellerRegistered(
                    meta(prefix + "reseller-" + r), prefix + "-R" + r, "Reseller " + r, "r" + r + "@bench.example",
                    "IT", List.of(), null)));
            directory.add(record(Topics.DIRECTORY_EVENTS, "account:" + prefix + "-A" + r, new BillingAccountRegistered(
                    meta(prefix + "account-" + r), prefix + "-A" + r, prefix + "-C" + r, "Customer " + r,
                    "c" + r + "@bench.example", prefix + "-R" + r, null)));
        }
        List<ProducerRecord<String, byte[]>> requests = new ArrayList<>();
        for (int r = 0; r < resellers; r++) {
            for (int i = 0; i < isvs; i++) {
                requests.add(record(Topics.DISCOUNTS_COMMANDS, prefix + "-I" + i + "|" + prefix + "-R" + r,
                        DiscountConfigurationRequested.newBuilder()
                                .setMeta(meta(prefix + "discount-" + i + "-" + r)).setIsvId(prefix + "-I" + i)
                                .setResellerId(prefix + "-R" + r).setBillingAccountId(prefix + "-A" + r)
                                .setPercent(new BigDecimal("10.00")).setStartsAt(NOW.plus(Duration.ofDays(30)))
                                .build()));
            }
        }
        return new Workload(requests, requests.size());
    }

    /** Plans and seat changes of {@code records / 1.5} subscriptions across 1,000 payers (BillingBenchmark's). */
    private void billingIntake(int warmup, int records) throws Exception {
        BillingBenchmark workload = new BillingBenchmark(kafka, data);
        List<ProducerRecord<String, byte[]>> warm = workload.plans("W", warmup * 2 / 3, 1000);
        List<ProducerRecord<String, byte[]>> plans = workload.plans("", records * 2 / 3, 1000);
        measure("billing-service intake (plans and seat changes -> SubscriptionUpdated)", "billing-service",
                BillingServiceApplication.class, new Workload(warm, warm.size()), new Workload(plans, plans.size()),
                () -> workload.publishReferenceData(1000), Topics.BILLING_EVENTS,
                r -> SERDE.decode(r) instanceof SubscriptionUpdated);
    }

    /**
     * notification-service's planning topology alone (outcome events in, rendered EmailRequested out, Message-IDs
     * deduplicated): the sender is not started, so nothing goes to SMTP. The input is what transfer- and
     * discount-service published above, with their timestamps: what they published for their warm-up warms the
     * planner up, untimed; how many e-mails it promises is counted with the same planner first.
     */
    private void notificationPlanning() {
        EmailPlanner planner = new EmailPlanner(new SignedApprovalLinks(KEY, "http://localhost:8081",
                "http://localhost:8082"));
        List<ProducerRecord<String, byte[]>> warm = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> events = new ArrayList<>();
        int warmExpected = 0;
        int expected = 0;
        for (String topic : List.of(Topics.TRANSFERS_EVENTS, Topics.DISCOUNTS_EVENTS)) {
            Map<TopicPartition, Long> timedFrom = timedOutputsFrom.get(topic);
            for (var r : kafka.readAll(topic)) {
                // the planner reads copies of the outcome topics, so it is fed by a producer like the pass-through
                var copy = new ProducerRecord<>("bench.notification." + topic, null, r.timestamp(), r.key(),
                        r.value());
                int emails = planner.plan(SERDE.decode(r.value()), Instant.ofEpochMilli(r.timestamp())).size();
                if (r.offset() < timedFrom.get(new TopicPartition(topic, r.partition()))) {
                    warm.add(copy);
                    warmExpected += emails;
                } else {
                    events.add(copy);
                    expected += emails;
                }
            }
        }
        BenchKafka.Rate before = kafka.passThrough("notification-pass-through-before", events, Map.of());
        kafka.createTopics(List.of(new NewTopic("bench.notification." + Topics.TRANSFERS_EVENTS, 3, (short) 1),
                new NewTopic("bench.notification." + Topics.DISCOUNTS_EVENTS, 3, (short) 1)));
        var topology = NotificationTopology.build(new SimpleMeterRegistry(), planner, new EmailRenderer(),
                List.of("bench.notification." + Topics.TRANSFERS_EVENTS,
                        "bench.notification." + Topics.DISCOUNTS_EVENTS));
        var props = StreamsRunner.settings(Map.of(StreamsConfig.APPLICATION_ID_CONFIG, "bench-notification",
                StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                StreamsConfig.STATE_DIR_CONFIG, data.streamsState("notification-planning").toString()));
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.start();
            BenchKafka.await(() -> streams.state() == KafkaStreams.State.RUNNING, Duration.ofSeconds(60));
            BenchKafka.Rate planning = warmedUp(new Workload(warm, warmExpected), new Workload(events, expected),
                    Topics.NOTIFICATIONS_OUTBOX, r -> SERDE.decode(r) instanceof EmailRequested);
            streams.close();
            record("notification planning (outcome events -> rendered EmailRequested; " + expected + " e-mails)",
                    events.size(), before.meanWith(kafka.passThrough("notification-pass-through-after", events,
                            Map.of())), planning);
        }
    }

    /** Records to send, and how many outputs they must give. */
    private record Workload(List<ProducerRecord<String, byte[]>> records, int outputs) {
    }

    /** Work before the service is timed (reference data it needs), which may throw. */
    private interface Setup {
        void run() throws Exception;
    }

    /**
     * One service measured beside the pass-through of the same records, run once before and once after it with
     * the service's own commit interval (a service that commits less often is compared with a pass-through that
     * does too); the two pass-through runs are averaged, so load that comes and goes on the machine weighs on both.
     * Both are timed warm: the pass-through after a run of its own on the warm-up records, the service after it has
     * taken them (D-119).
     */
    private void measure(String label, String name, Class<?> application, Workload warmup, Workload timed,
            Setup setup, String outputs, Predicate<byte[]> match) throws Exception {
        Map<String, Object> settings = passThroughSettings(name);
        kafka.passThrough(name + "-pass-through-warm-up", warmup.records(), settings);
        BenchKafka.Rate before = kafka.passThrough(name + "-pass-through-before", timed.records(), settings);
        ConfigurableApplicationContext service = start(application, name);
        BenchKafka.Rate rate;
        try {
            setup.run();
            rate = warmedUp(warmup, timed, outputs, match);
        } finally {
            service.close();
        }
        record(label, timed.records().size(), before.meanWith(kafka.passThrough(name + "-pass-through-after",
                timed.records(), settings)), rate);
    }

    /**
     * Sends the warm-up to a running service and waits for its outputs, untimed; then its rate on the timed records,
     * from the first send to the last of their outputs (counted from where the warm-up's ended).
     */
    private BenchKafka.Rate warmedUp(Workload warmup, Workload timed, String outputs, Predicate<byte[]> match) {
        kafka.send(warmup.records());
        kafka.countUntil(outputs, match, warmup.outputs(), Duration.ofMinutes(20));
        Map<TopicPartition, Long> from = kafka.ends(outputs);
        timedOutputsFrom.put(outputs, from);
        BenchKafka.Rate rate = kafka.timed(timed.records().size(), () -> {
            kafka.send(timed.records());
            kafka.countUntil(outputs, from, match, timed.outputs(), Duration.ofMinutes(20));
        });
        rate.entriesByTopic().forEach((topic, entries) -> System.out.printf(
                "  log entries per record sent: %.2f %s%n", entries, topic));
        return rate;
    }

    /**
     * The commit interval the service sets in its defaults ({@code <service>.properties}), if it sets one, and the
     * stream threads given to every service on the command line
     * ({@code -Dspring.kafka.streams.properties.num.stream.threads=N}), if any: the pass-through runs with them too.
     */
    private static Map<String, Object> passThroughSettings(String service) throws Exception {
        Map<String, Object> settings = new HashMap<>();
        Properties defaults = PropertiesLoaderUtils.loadProperties(new ClassPathResource(service + ".properties"));
        String interval = defaults.getProperty("spring.kafka.streams.properties."
                + StreamsConfig.COMMIT_INTERVAL_MS_CONFIG);
        if (interval != null) {
            settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Integer.parseInt(interval));
        }
        String threads = System.getProperty("spring.kafka.streams.properties."
                + StreamsConfig.NUM_STREAM_THREADS_CONFIG);
        if (threads != null) {
            settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.parseInt(threads));
        }
        return settings;
    }

    private void record(String label, int records, BenchKafka.Rate passThrough, BenchKafka.Rate service) {
        sizes.put(label, records);
        figures.put(label, new BenchKafka.Rate[] {passThrough, service});
    }

    private ConfigurableApplicationContext start(Class<?> application, String name) {
        ConfigurableApplicationContext service = new SpringApplicationBuilder(application).run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + kafka.bootstrap(),
                "--spring.kafka.streams.state-dir=" + data.streamsState(name),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + data.tokenIssuerPublicKey(),
                "--" + DevTokenIssuer.ISSUER_PROPERTY + "=" + DevTokenIssuer.ISSUER,
                "--" + DevTokenIssuer.AUDIENCES_PROPERTY + "=" + DevTokenIssuer.AUDIENCE,
                "--channelhub.approvals.key=" + KEY, "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        StreamsRunner runner = service.getBean(StreamsRunner.class);
        BenchKafka.await(() -> runner.state() == KafkaStreams.State.RUNNING, Duration.ofSeconds(120));
        return service;
    }

    private static String report(ServiceBenchmark bench) {
        StringBuilder table = new StringBuilder(String.format("%n| service (3 partitions, EOS v2, one broker, side "
                + "by side) | records | pass-through records/s | service records/s | ratio | pass-through records "
                + "per CPU-s | service records per CPU-s | CPU ratio | pass-through log writes per record | service log "
                + "writes per record |%n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|%n"));
        bench.figures.forEach((name, f) -> table.append(String.format("| %s | %d | %.0f | %.0f | %.0f%% | %.0f | %.0f "
                + "| %.0f%% | %.2f | %.2f |%n", name, bench.sizes.get(name), f[0].perSecond(), f[1].perSecond(),
                100 * f[1].perSecond() / f[0].perSecond(), f[0].perCpuSecond(), f[1].perCpuSecond(),
                100 * f[1].perCpuSecond() / f[0].perCpuSecond(), f[0].writesPerRecord(), f[1].writesPerRecord())));
        return table.toString();
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, SpecificRecord event) {
        return new ProducerRecord<>(topic, key, SERDE.encode(event));
    }

    private static io.channelhub.common.event.EventMeta meta(String name) {
        return EventIds.origin(EventIds.derive("bench-services", name, 0), NOW, "bench");
    }
}
