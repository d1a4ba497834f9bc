package io.channelhub.bench;

import static io.channelhub.bench.BenchKafka.await;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.discount.DiscountServiceApplication;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.localstack.DataDirectory;
import io.channelhub.localstack.Ports;
import io.channelhub.localstack.broker.KraftBroker;
import io.channelhub.platform.security.DevTokenIssuer;
import io.channelhub.platform.security.PartyKind;
import io.channelhub.platform.streams.StreamsRunner;
import io.channelhub.schemas.Keys;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What checking who calls costs an HTTP query (issue 10), side by side in one run against discount-service on an
 * in-process broker, the same route each time, sequential requests over one keep-alive connection:
 * <ol>
 *   <li>no token: refused (401) by the security filters before any token work or lookup;</li>
 *   <li>another ISV's valid token: signature (RS256) and expiry checked, then refused (403) before the lookup;</li>
 *   <li>the ISV's own token: checked, then its discounts looked up and serialised (200).</li>
 * </ol>
 * 2 minus 1 is the token's cost; 3 minus 2 the query's. Rounds alternate the three so that the machine's noise
 * falls on each alike. Run: {@code ./mvnw -q -pl bench -am install -DskipTests && ./mvnw -q -pl bench exec:java
 * -Dbench=QueryBenchmark -Dexec.args="--requests=3000 --discounts=50"}
 */
public final class QueryBenchmark {

    private static final String ISV = "Q-ISV";
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new java.util.HashMap<>(Map.of("requests", 3000, "discounts", 50));
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], Integer.parseInt(kv[1]));
        }
        DataDirectory data = DataDirectory.prepare(Path.of("target/bench-data-query"), true);
        int status = 1;
        try (KraftBroker broker = KraftBroker.start(data.kafka(), Ports.free(), Ports.free())) {
            BenchRegistry.bind();
            new QueryBenchmark().run(broker.bootstrapServers(), data, options.get("requests"),
                    options.get("discounts"));
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status); // Kafka and Spring threads would keep a failed run alive
        }
    }

    private void run(String bootstrap, DataDirectory data, int requests, int discounts) throws Exception {
        ConfigurableApplicationContext service = new SpringApplicationBuilder(DiscountServiceApplication.class).run(
                "--server.port=0", "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--spring.kafka.streams.state-dir=" + data.streamsState("discount-service"),
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + data.tokenIssuerPublicKey(),
                "--" + DevTokenIssuer.ISSUER_PROPERTY + "=" + DevTokenIssuer.ISSUER,
                "--" + DevTokenIssuer.AUDIENCES_PROPERTY + "=" + DevTokenIssuer.AUDIENCE,
                "--channelhub.approvals.key=benchmark approval key, 32+ characters long",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            StreamsRunner runner = service.getBean(StreamsRunner.class);
            await(() -> runner.state() == KafkaStreams.State.RUNNING, Duration.ofSeconds(60));
            String url = "http://localhost:" + service.getEnvironment().getProperty("local.server.port")
                    + "/isvs/" + ISV + "/discounts";
            propose(new BenchKafka(bootstrap, data), discounts);
            DevTokenIssuer issuer = data.tokenIssuer();
            Map<String, String> cases = new LinkedHashMap<>();
            cases.put("no token (401)", null);
            cases.put("another ISV's token (403)", issuer.token(PartyKind.ISV, "Q-OTHER", Duration.ofHours(1)));
            cases.put("own token, " + discounts + " discounts (200)",
                    issuer.token(PartyKind.ISV, ISV, Duration.ofHours(1)));
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            await(() -> body(http, url, cases.get("own token, " + discounts + " discounts (200)"))
                    .split("\"discountId\"").length - 1 == discounts, Duration.ofSeconds(60));
            Map<String, List<Long>> nanos = new LinkedHashMap<>();
            cases.keySet().forEach(name -> nanos.put(name, new ArrayList<>()));
            for (String token : cases.values()) {
                measure(http, url, token, requests / ROUNDS); // warm-up: JIT, connection, caches
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (Map.Entry<String, String> c : cases.entrySet()) {
                    nanos.get(c.getKey()).addAll(measure(http, url, c.getValue(), requests / ROUNDS));
                }
            }
            report(nanos);
        } finally {
            service.close();
        }
    }

    private static void propose(BenchKafka kafka, int discounts) {
        Instant now = Instant.now();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        EventSerde serde = new EventSerde();
        records.add(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, "isv:" + ISV, serde.serialize(null,
                new IsvRegistered(meta(now), ISV, "Query ISV", "isv@bench.example", true))));
        List<ProducerRecord<String, byte[]>> offers = new ArrayList<>();
        for (int i = 0; i < discounts; i++) {
            String reseller = "Q-R" + i;
            String account = "Q-A" + i;
            records.add(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, "reseller:" + reseller, serde.serialize(null,
                    new ResellerRegistered(meta(now), reseller, "Reseller " + i, "r" + i + "@bench.example", "DE",
                            java.util.List.of(), null))));
            records.add(new ProducerRecord<>(Topics.DIRECTORY_EVENTS, "account:" + account, serde.serialize(null,
                    new BillingAccountRegistered(meta(now), account, "Q-C" + i, "Customer " + i,
                            "c" + i + "@bench.example", reseller, null))));
            offers.add(new ProducerRecord<>(Topics.DISCOUNTS_COMMANDS, Keys.discounts(ISV, reseller),
                    serde.serialize(null, DiscountConfigurationRequested.newBuilder().setMeta(meta(now))
                            .setIsvId(ISV).setResellerId(reseller).setBillingAccountId(account)
                            .setPercent(new BigDecimal("10.00")).setStartsAt(now.plus(Duration.ofDays(10)))
                            .setPrivateNotes("note " + i).build())));
        }
        kafka.send(records);
        sleepQuietly(3000); // the directory reaches the topology through its table copy before the offers
        kafka.send(offers);
    }

    private static List<Long> measure(HttpClient http, String url, String token, int count) throws Exception {
        List<Long> nanos = new ArrayList<>(count);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            nanos.add(System.nanoTime() - start);
        }
        return nanos;
    }

    private static String body(HttpClient http, String url, String token) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "";
        }
    }

    private static void report(Map<String, List<Long>> nanos) {
        System.out.println();
        System.out.printf("%-32s %10s %10s %10s %10s%n", "GET /isvs/{id}/discounts", "requests/s", "mean ms",
                "p50 ms", "p99 ms");
        double baseline = 0;
        for (Map.Entry<String, List<Long>> entry : nanos.entrySet()) {
            long[] sorted = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
            double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
            baseline = baseline == 0 ? mean : baseline;
            System.out.printf("%-32s %10.0f %10.3f %10.3f %10.3f   (%.2f x the 401's time)%n", entry.getKey(),
                    1000 / mean, mean, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                    mean / baseline);
        }
    }

    private static EventMeta meta(Instant at) {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setProducer("bench").build();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
