package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.ops.OpsCli;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Keys;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The operators' tool against the running system, after every journey: replaying every input topic with
 * {@code ops replay} issues no e-mail, invoice or outcome (X2); garbage is dead-lettered, {@code ops dlt show} shows
 * it with its error, and {@code ops dlt redrive} of a record a fixed service can read processes it once (X1).
 */
@ExtendWith(SystemUnderTest.class)
@Order(9)
class OpsJourneyTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final List<String> INPUTS = List.of(Topics.DIRECTORY_EVENTS, Topics.ENTITLEMENTS_EVENTS,
            Topics.PRICES_EVENTS, Topics.TRANSFERS_COMMANDS, Topics.DISCOUNTS_COMMANDS, Topics.BILLING_COMMANDS,
            Topics.RESELLERS_COMMANDS, Topics.TRANSFERS_EVENTS, Topics.DISCOUNTS_EVENTS, Topics.BILLING_EVENTS,
            Topics.RESELLERS_EVENTS);
    private static final List<String> OUTCOMES = List.of(Topics.TRANSFERS_EVENTS, Topics.DISCOUNTS_EVENTS,
            Topics.BILLING_EVENTS, Topics.RESELLERS_EVENTS, Topics.ENTITLEMENTS_EVENTS);
    private final KafkaTestClient kafka = SystemUnderTest.kafka();

    // X2, issue 9: every input topic of the finished scenarios, replayed by the operators' tool, changes nothing
    @Test
    void replayingEveryTopicWithTheToolChangesNothing() {
        // as the ticker would: every partition finishes what its last ticks started, before the snapshot
        Instant late = Instant.parse("2030-12-01T00:00:00Z");
        for (String commands : List.of(Topics.TRANSFERS_COMMANDS, Topics.DISCOUNTS_COMMANDS, Topics.BILLING_COMMANDS,
                Topics.RESELLERS_COMMANDS)) {
            SystemUnderTest.tickEveryPartition(commands, late);
        }
        SystemUnderTest.sleep(5000);
        int emailsBefore = SystemUnderTest.emails(m -> true, 0).size();
        Map<String, Set<String>> before = OUTCOMES.stream().collect(Collectors.toMap(t -> t, this::eventIds));

        for (String topic : INPUTS) {
            Run run = ops("replay", "--topic", topic);
            assertThat(run.exit()).as(topic + ": " + run.err()).isZero();
        }
        SystemUnderTest.sleep(10000);

        assertThat(SystemUnderTest.emails(m -> true, 0)).hasSize(emailsBefore);
        for (String topic : OUTCOMES) {
            assertThat(eventIds(topic)).as(topic).isEqualTo(before.get(topic));
        }
    }

    // X1, issue 9: garbage is dead-lettered with its error and shown; a readable record is redriven, applied once
    @Test
    void deadLettersAreShownAndRedrivenOnce() throws Exception {
        String book = Keys.discounts("OPS-ISV", "OPS-R");
        kafka.sendRaw(Topics.DISCOUNTS_COMMANDS, book, "not an event".getBytes(StandardCharsets.UTF_8));
        String dlt = Topics.dlt(Topics.DISCOUNTS_COMMANDS);
        ConsumerRecord<String, byte[]> garbage = awaitDeadLetter(dlt, book);
        Run shown = ops("dlt", "show", "--topic", dlt, "--partition", String.valueOf(garbage.partition()),
                "--offset", String.valueOf(garbage.offset()));
        assertThat(shown.exit()).isZero();
        assertThat(shown.out()).contains("not an event", Topics.DISCOUNTS_COMMANDS, "Exception");

        // a record an earlier version dead-lettered that the service, fixed, reads: the redrive applies it once
        DiscountConfigurationRequested request = DiscountConfigurationRequested.newBuilder()
                .setMeta(EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                        .setProducer("ops-test").build())
                .setIsvId("OPS-ISV").setResellerId("OPS-R").setBillingAccountId("OPS-A")
                .setPercent(new BigDecimal("5.00")).setStartsAt(Instant.now().plus(Duration.ofDays(5))).build();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestClient.brokers()), new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> dead = new ProducerRecord<>(dlt, garbage.partition(), book,
                    new EventSerde().encode(request));
            dead.headers().add("channelhub.dlt.topic", Topics.DISCOUNTS_COMMANDS.getBytes(StandardCharsets.UTF_8))
                    .add("channelhub.dlt.exception", "UnknownSchemaException".getBytes(StandardCharsets.UTF_8))
                    .add("channelhub.dlt.message", "fingerprint not known to this version".getBytes(
                            StandardCharsets.UTF_8));
            producer.send(dead).get();
        }
        ConsumerRecord<String, byte[]> readable = kafka.readAll(dlt).stream()
                .filter(r -> r.key().equals(book) && r.offset() > garbage.offset()).findFirst().orElseThrow();
        for (int time = 0; time < 2; time++) { // safe to repeat
            Run redriven = ops("dlt", "redrive", "--topic", dlt, "--partition", String.valueOf(readable.partition()),
                    "--offset", String.valueOf(readable.offset()));
            assertThat(redriven.exit()).as(redriven.err()).isZero();
        }
        // the ISV and reseller are unknown here: the configuration is decided (refused), once
        SystemUnderTest.sleep(5000);
        assertThat(kafka.events(Topics.DISCOUNTS_EVENTS, io.channelhub.discount.event.DiscountRefused.class).stream()
                .filter(r -> r.getRequestId().equals(request.getMeta().getEventId()))).hasSize(1);
        assertThat(kafka.events(Topics.DISCOUNTS_EVENTS, DiscountProposed.class).stream()
                .filter(p -> p.getTerms().getIsvId().equals("OPS-ISV"))).isEmpty();
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String dlt, String key) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>(kafka.readAll(dlt).stream()
                    .filter(r -> key.equals(r.key())).toList());
            if (!found.isEmpty()) {
                return found.get(0);
            }
            SystemUnderTest.sleep(500);
        }
        throw new AssertionError("nothing dead-lettered on " + dlt);
    }

    private Set<String> eventIds(String topic) {
        EventSerde serde = new EventSerde();
        return kafka.readAll(topic).stream().map(r -> Events.eventId(serde.decode(r.value())))
                .collect(Collectors.toSet());
    }

    record Run(int exit, String out, String err) {
    }

    private static Run ops(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap-servers", KafkaTestClient.brokers()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = OpsCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }
}
