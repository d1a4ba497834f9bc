package io.channelhub.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deadlines come out in time order, once, and only when due; a cancelled one never does. */
class DeadlineIndexTest {

    private final List<String> taken = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, String> commands;

    /**
     * Commands: "schedule key epochSecond", "cancel key epochSecond", "take epochSecond", "takeSome epochSecond
     * limit".
     */
    @BeforeEach
    void start() {
        Topology topology = new Topology();
        topology.addSource("in", new StringDeserializer(), new StringDeserializer(), "commands");
        topology.addProcessor("p", () -> new Processor<String, String, Void, Void>() {
            private DeadlineIndex index;

            private ProcessorContext<Void, Void> context;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                this.context = context;
                index = DeadlineIndex.from(context, "deadlines", schedule -> { });
            }

            @Override
            public void process(Record<String, String> record) {
                String[] command = record.value().split(" ");
                switch (command[0]) {
                    // as a task starting on the store it finds, whose aggregates say "key:epochSecond,..."
                    case "restart" -> index = DeadlineIndex.from(context, "deadlines", schedule -> {
                        for (String aggregate : command[1].split(",")) {
                            String[] deadline = aggregate.split(":");
                            schedule.accept(deadline[0], Instant.ofEpochSecond(Long.parseLong(deadline[1])));
                        }
                    });
                    case "count" -> taken.add(Long.toString(DeadlineIndex.scheduled(store())));
                    case "schedule" -> index.schedule(command[1], Instant.ofEpochSecond(Long.parseLong(command[2])));
                    case "cancel" -> index.cancel(command[1], Instant.ofEpochSecond(Long.parseLong(command[2])));
                    case "take" -> taken.add(String.join(",", index.takeDue(Instant.ofEpochSecond(
                            Long.parseLong(command[1])))));
                    default -> taken.add(String.join(",", index.takeDue(Instant.ofEpochSecond(
                            Long.parseLong(command[1])), Integer.parseInt(command[2]))));
                }
            }
        }, "in");
        for (var store : DeadlineIndex.storeBuilders("deadlines")) {
            topology.addStateStore(store, "p");
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "deadline-test");
        driver = new TopologyTestDriver(topology, props);
        commands = driver.createInputTopic("commands", new StringSerializer(), new StringSerializer());
    }

    private KeyValueStore<String, String> store() {
        return driver.getKeyValueStore("deadlines");
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void dueKeysComeOutOnceOldestFirst() {
        commands.pipeInput("schedule late 300");
        commands.pipeInput("schedule early 100");
        commands.pipeInput("schedule cancelled 150");
        commands.pipeInput("schedule same-second 100");
        commands.pipeInput("cancel cancelled 150");
        commands.pipeInput("take 99");
        commands.pipeInput("take 200");
        commands.pipeInput("take 200");
        commands.pipeInput("take 300");

        assertThat(taken).containsExactly("", "early,same-second", "", "late");
    }

    // D-115: a bounded take leaves the rest due, in the same order, for the next
    @Test
    void aBoundedTakeLeavesTheRestDue() {
        commands.pipeInput("schedule c 100");
        commands.pipeInput("schedule a 100");
        commands.pipeInput("schedule b 90");
        commands.pipeInput("schedule later 300");
        commands.pipeInput("takeSome 200 2");
        commands.pipeInput("takeSome 200 2");
        commands.pipeInput("takeSome 200 2");

        assertThat(taken).containsExactly("b,a", "c", "");
    }

    // D-127: the index has no changelog; a task that starts without it, or on one another task has not kept in step
    // (it ran elsewhere meanwhile), rebuilds it from its aggregates; one that starts on its own index keeps it
    @Test
    void anIndexNotInStepIsRebuiltFromTheAggregatesAndOneInStepIsKept() {
        commands.pipeInput("schedule kept 100");
        commands.pipeInput("restart other:100");
        commands.pipeInput("count");
        commands.pipeInput("take 100");
        commands.pipeInput("schedule stale 50");
        List<String> keys = new ArrayList<>();
        store().all().forEachRemaining(entry -> keys.add(entry.key));
        assertThat(keys).hasSize(2); // the deadline and the marker of the index's generation
        keys.forEach(store()::delete);
        store().put(keys.get(1), "stale"); // an entry of a task directory from before, without the marker
        commands.pipeInput("restart late:300,early:100,same:100");
        commands.pipeInput("count");
        commands.pipeInput("take 200");
        // the task ran on another instance, which wrote its own generation, and came back to this disk
        driver.<String, String>getKeyValueStore("deadlines-generation").put("generation", "elsewhere");
        commands.pipeInput("restart moved:400");
        commands.pipeInput("take 500");

        assertThat(taken).containsExactly("1", "kept", "3", "early,same", "moved");
        assertThat(driver.producedTopicNames()).contains("deadline-test-deadlines-generation-changelog")
                .doesNotContain("deadline-test-deadlines-changelog");
    }

    // D-127: an index out of step is dropped a bounded number of keys at a time, however many it holds
    @Test
    void aLargeStaleIndexIsDroppedWhole() {
        for (int i = 0; i < 25_001; i++) {
            store().put(String.format("%019d|stale-%d", 1_000L + i, i), "stale-" + i);
        }
        store().delete("\u0000whole"); // a directory from before D-127: no marker
        commands.pipeInput("restart fresh:100");
        commands.pipeInput("count");
        commands.pipeInput("take 100000");

        assertThat(taken).containsExactly("1", "fresh");
    }
}
