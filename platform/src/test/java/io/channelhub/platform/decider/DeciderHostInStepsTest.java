package io.channelhub.platform.decider;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.migration.event.CustomerSuspended;
import io.channelhub.platform.decider.DeciderHostTest.Bell;
import io.channelhub.platform.decider.DeciderHostTest.BellDecider;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.streams.JsonSerde;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * D-115 on the embedded broker, exactly-once v2: a tick that finds more aggregates due than a step takes fires them
 * in steps, each committed by itself; a crash mid-run (the process dies, another takes over with an empty disk)
 * neither skips nor repeats one, and a replayed tick fires nothing twice. The second process finds what is still
 * due through a deadline index it rebuilt from the aggregates (D-127).
 */
class DeciderHostInStepsTest {

    static final Instant T0 = DeciderHostTest.T0;
    static final int BELLS = 10;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String commands = "bells-" + run + ".commands";
    final String events = "bells-" + run + ".events";
    final KafkaTestClient kafka = KafkaTestClient.embedded();

    /** The bell decider, except that the process dies at the seventh bell it stops, once. */
    static final class CrashingOnce implements Decider<Bell, String> {

        final BellDecider bells = new BellDecider();
        final AtomicInteger stopped = new AtomicInteger();
        final AtomicBoolean crashed = new AtomicBoolean();

        @Override
        public boolean accepts(org.apache.avro.specific.SpecificRecord command) {
            return bells.accepts(command);
        }

        @Override
        public Decision<Bell> decide(org.apache.avro.specific.SpecificRecord command, Bell state, String facts,
                Instant now) {
            return bells.decide(command, state, facts, now);
        }

        @Override
        public Decision<Bell> deadlines(Bell state, String facts, EventMeta cause, Instant now) {
            Decision<Bell> due = bells.deadlines(state, facts, cause, now);
            if (!due.events().isEmpty() && stopped.incrementAndGet() == 7 && !crashed.getAndSet(true)) {
                throw new IllegalStateException("the process dies here");
            }
            return due;
        }

        @Override
        public java.util.Optional<Instant> nextDeadline(Bell state) {
            return bells.nextDeadline(state);
        }

        @Override
        public List<String> refusalReasons(org.apache.avro.specific.SpecificRecord event) {
            return bells.refusalReasons(event);
        }
    }

    @Test
    void aRunInStepsSurvivesACrashMidwayAndAReplayedTick() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(commands, 1, (short) 1), new NewTopic(events, 1, (short) 1)))
                    .all().get();
        }
        CrashingOnce decider = new CrashingOnce();
        for (int i = 0; i < BELLS; i++) {
            kafka.send(commands, "B-" + i, DeciderHostTest.request("r-" + i, T0.plusSeconds(i)));
        }
        ClockTicked tick = new ClockTicked(EventIds.origin("tick-1", T0.plus(Duration.ofHours(2)), "ticker"),
                T0.plus(Duration.ofHours(2)));
        kafka.send(commands, "tick", tick);

        KafkaStreams first = start(decider);
        await(() -> first.state() == KafkaStreams.State.ERROR, "the first process to die");
        first.close(Duration.ofSeconds(10));
        List<String> beforeCrash = stops();
        // it died mid-run: more than one step (of 2) committed, the crashing one not
        assertThat(beforeCrash).hasSizeBetween(4, 6).doesNotContain("B-6").doesNotHaveDuplicates();

        try (KafkaStreams second = start(decider)) {
            await(() -> stops().size() >= BELLS, "the second process to finish the run");
            kafka.send(commands, "tick", tick);
            kafka.send(commands, "B-0", DeciderHostTest.request("r-after", T0.plus(Duration.ofHours(3))));
            await(() -> kafka.events(events, CustomerSuspended.class).stream()
                    .anyMatch(e -> e.getOrderId().equals("ring-2")), "the command after the replayed tick");
            second.close(Duration.ofSeconds(10));
        }
        assertThat(stops()).hasSize(BELLS).doesNotHaveDuplicates();
        // D-127: the deadline index has no changelog; the second process, on an empty disk, found the bells still
        // due by rebuilding it from the bells it restored
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()))) {
            assertThat(admin.listTopics().names().get()).contains("bells-" + run + "-bells-changelog")
                    .doesNotContain("bells-" + run + "-bell-deadlines-changelog");
        }
    }

    /** The bells stopped, as committed to the events topic, in order (the events are keyed by bell). */
    private List<String> stops() {
        return kafka.readAll(events).stream()
                .filter(r -> new EventSerde().decode(r.value()) instanceof CustomerSuspended c
                        && c.getOrderId().equals("stopped"))
                .map(r -> r.key()).toList();
    }

    private KafkaStreams start(Decider<Bell, String> decider) throws Exception {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new EventSerde(), commands);
        DeciderHost.of("test", commands, decider)
                .stores("bells", "bell-deadlines")
                .facts(context -> "ops@bell.example")
                .sink("out")
                .metrics(new SimpleMeterRegistry(), Duration.ofDays(1))
                .deadlinesInSteps(2)
                .addTo(topology, "bell", "in");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("bells"), Serdes.String(),
                new JsonSerde<>(Bell.class)), "bell");
        topology.addSink("out", events, new StringSerializer(), new EventSerde(), "bell");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bells-" + run);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // an empty disk each time: the second process restores everything from the changelogs
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("bells").toString());
        // a commit interval longer than the run: only the steps' own commit requests commit it
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 5_000);
        // the dead process's group membership and open transaction end soon, for the second to take over
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 5_000);
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        streams.start();
        return streams;
    }

    private static void await(java.util.function.BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Waited 90 s for " + what);
            }
            KafkaTestClient.sleep(200);
        }
    }
}
