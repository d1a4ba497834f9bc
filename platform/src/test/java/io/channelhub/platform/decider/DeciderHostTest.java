package io.channelhub.platform.decider;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.migration.event.CustomerSuspended;
import io.channelhub.migration.event.MigrationRefused;
import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.JsonSerde;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The host with a decider of its own (a bell: a request rings it and an hour later it stops; a third request is
 * refused): dedupe, due deadlines first, decide, emit, store, reschedule through the index, count.
 */
class DeciderHostTest {

    static final Instant T0 = Instant.parse("2026-10-01T10:00:00Z");

    /** The bell's state: how often it rang, and when it stops ringing (null: it does not ring). */
    record Bell(int rings, Instant stopsAt) {
    }

    static final class BellDecider implements Decider<Bell, String> {

        @Override
        public boolean accepts(SpecificRecord command) {
            return command instanceof MigrationRequested;
        }

        @Override
        public Decision<Bell> decide(SpecificRecord command, Bell state, String facts, Instant now) {
            EventMeta cause = ((MigrationRequested) command).getMeta();
            int rings = state == null ? 0 : state.rings();
            if (rings == 2) {
                return Decision.only(new MigrationRefused(EventIds.causedBy(cause, "Refused", 0, "test"),
                        cause.getEventId(), "bell", List.of("RANG_TWICE"), "enough"));
            }
            return Decision.of(new Bell(rings + 1, now.plus(Duration.ofHours(1))), new CustomerSuspended(
                    EventIds.causedBy(cause, "Rang", 0, "test"), "bell", facts, "ring-" + (rings + 1), "-", null,
                    null));
        }

        @Override
        public Decision<Bell> deadlines(Bell state, String facts, EventMeta cause, Instant now) {
            if (state == null || state.stopsAt() == null || now.isBefore(state.stopsAt())) {
                return Decision.nothing();
            }
            return Decision.of(new Bell(state.rings(), null), new CustomerSuspended(EventIds.causedBy(cause,
                    "Stopped", 0, "test"), "bell", facts, "stopped", "-", null, null));
        }

        @Override
        public Optional<Instant> nextDeadline(Bell state) {
            return state == null ? Optional.empty() : Optional.ofNullable(state.stopsAt());
        }

        @Override
        public List<String> refusalReasons(SpecificRecord event) {
            return event instanceof MigrationRefused refused ? refused.getReasons() : List.of();
        }
    }

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final TestInputTopic<String, SpecificRecord> commands;
    final TestOutputTopic<String, SpecificRecord> events;

    DeciderHostTest() {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new EventSerde(), "bells.commands");
        DeciderHost.of("test", "bells.commands", new BellDecider())
                .stores("bells", "bell-deadlines")
                .facts(context -> "ops@bell.example")
                .sink("out")
                .metrics(registry, Duration.ofDays(1))
                .addTo(topology, "bell", "in");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("bells"), Serdes.String(),
                new JsonSerde<>(Bell.class)), "bell");
        topology.addSink("out", "bells.events", new StringSerializer(), new EventSerde(), "bell");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "decider-host-test");
        driver = new TopologyTestDriver(topology, props);
        commands = driver.createInputTopic("bells.commands", new StringSerializer(), new EventSerde());
        events = driver.createOutputTopic("bells.events", new StringDeserializer(), new EventSerde());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    // X2: a command is decided once; its event goes out, its state is kept, a repeat of it changes nothing
    @Test
    void aCommandIsDecidedOnceAndItsStateKept() {
        MigrationRequested ring = request("r-1", T0);
        commands.pipeInput("B-1", ring);
        commands.pipeInput("B-1", ring);

        assertThat(events.readValuesToList()).singleElement().isInstanceOfSatisfying(CustomerSuspended.class,
                rang -> assertThat(rang.getResellerEmail()).isEqualTo("ops@bell.example"));
        assertThat(driver.<String, Bell>getKeyValueStore("bells").get("B-1"))
                .isEqualTo(new Bell(1, T0.plus(Duration.ofHours(1))));
        assertThat(registry.counter(MetricNames.DUPLICATES, "service", "test", "topic", "bells.commands").count())
                .isEqualTo(1);
    }

    // T8-style deadlines: nothing before it is due; the tick at it fires it once; a command after it fires it first
    @Test
    void deadlinesFireOnTheTickOrBeforeTheNextCommand() {
        commands.pipeInput("B-1", request("r-1", T0));
        events.readValuesToList();
        tick(T0.plus(Duration.ofMinutes(59)));
        assertThat(events.isEmpty()).isTrue();
        tick(T0.plus(Duration.ofMinutes(61)));
        tick(T0.plus(Duration.ofMinutes(62)));
        assertThat(events.readValuesToList()).extracting(e -> ((CustomerSuspended) e).getOrderId())
                .containsExactly("stopped");

        // the second ring stops at +3h; no tick came, so the third request finds it stopping first
        commands.pipeInput("B-1", request("r-2", T0.plus(Duration.ofHours(2))));
        commands.pipeInput("B-1", request("r-3", T0.plus(Duration.ofHours(5))));
        assertThat(events.readValuesToList()).extracting(e -> e instanceof CustomerSuspended c ? c.getOrderId()
                : "refused").containsExactly("ring-2", "stopped", "refused");
    }

    // X1, X3: a refusal is an event and counted by reason; a command the decider does not take is counted too
    @Test
    void refusalsAndUnsupportedCommandsAreCounted() {
        commands.pipeInput("B-1", request("r-1", T0));
        commands.pipeInput("B-1", request("r-2", T0.plusSeconds(1)));
        commands.pipeInput("B-1", request("r-3", T0.plusSeconds(2)));
        commands.pipeInput("B-1", new CustomerSuspended(EventIds.origin("x-1", T0, "test"), "bell", "", "o", "a", null, null));

        List<SpecificRecord> out = events.readValuesToList();
        assertThat(out).hasSize(3).last().isInstanceOf(MigrationRefused.class);
        assertThat(registry.counter(MetricNames.REFUSALS, "service", "test", "type", "MigrationRefused", "reason",
                "RANG_TWICE").count()).isEqualTo(1);
        assertThat(registry.counter(MetricNames.REFUSALS, "service", "test", "type", "CustomerSuspended", "reason",
                "UNSUPPORTED_ON_TOPIC").count()).isEqualTo(1);
        assertThat(registry.counter(MetricNames.OUTCOMES, "service", "test", "type", "CustomerSuspended").count())
                .isEqualTo(2);
    }

    // an aggregate kept in a store of its own shape (here: one string per bell), an event keyed by another id and
    // not counted as an outcome
    @Test
    void anAggregateStoreOfItsOwnAndEventsKeyedElsewhere() {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new EventSerde(), "bells.commands");
        DeciderHost.of("test", "bells.commands", new BellDecider())
                .stores(context -> {
                    KeyValueStore<String, String> rings = context.getStateStore("bell-rings");
                    return new AggregateStore<>() {
                        @Override
                        public Bell load(String id) {
                            String kept = rings.get(id);
                            return kept == null ? null : new Bell(Integer.parseInt(kept.split("@")[0]),
                                    Instant.parse(kept.split("@")[1]));
                        }

                        @Override
                        public void save(String id, Bell before, Bell after) {
                            rings.put(id, after.rings() + "@" + after.stopsAt());
                        }

                        @Override
                        public void forEach(java.util.function.BiConsumer<String, Bell> each) {
                            try (var all = rings.all()) {
                                all.forEachRemaining(entry -> each.accept(entry.key, load(entry.key)));
                            }
                        }
                    };
                }, "bell-deadlines")
                .facts(context -> "ops@bell.example")
                .sink("out")
                .keys(event -> event instanceof CustomerSuspended rang ? rang.getOrderId() : null)
                .internal(event -> event instanceof CustomerSuspended)
                .metrics(registry, Duration.ofDays(1))
                .addTo(topology, "bell", "in");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore("bell-rings"),
                Serdes.String(), Serdes.String()), "bell");
        topology.addSink("out", "bells.events", new StringSerializer(), new EventSerde(), "bell");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "decider-host-storage-test");
        try (TopologyTestDriver own = new TopologyTestDriver(topology, props)) {
            var in = own.createInputTopic("bells.commands", new StringSerializer(), new EventSerde());
            var out = own.createOutputTopic("bells.events", new StringDeserializer(), new EventSerde());
            in.pipeInput("B-1", request("r-1", T0));
            in.pipeInput("B-1", request("r-2", T0.plusSeconds(1)));

            assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("ring-1", "ring-2");
            assertThat(own.<String, String>getKeyValueStore("bell-rings").get("B-1"))
                    .isEqualTo("2@" + T0.plusSeconds(1).plus(Duration.ofHours(1)));
            // published, not counted as outcomes: plumbing of the service's own
            assertThat(registry.find(MetricNames.OUTCOMES).counters()).isEmpty();
        }
    }

    private void tick(Instant at) {
        commands.pipeInput("B-1", new ClockTicked(EventIds.origin("tick-" + at, at, "ticker"), at));
    }

    static MigrationRequested request(String id, Instant at) {
        return new MigrationRequested(EventIds.origin(id, at, "test"), "bell");
    }
}
