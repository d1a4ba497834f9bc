package io.channelhub.platform.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.LongSerializer;
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

/** X2: an id is applied once; old ids are forgotten on request so the stores stay bounded. */
class AppliedEventIdsTest {

    private final List<String> log = new ArrayList<>();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Long> ids;
    private TestInputTopic<String, Long> forget;
    private TestInputTopic<String, Long> restart;

    @BeforeEach
    void start() {
        Topology topology = new Topology();
        topology.addSource("ids", new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.LongDeserializer(), "ids", "forget", "restart");
        topology.addProcessor("p", () -> new Processor<String, Long, Void, Void>() {
            private AppliedEventIds applied;
            private ProcessorContext<Void, Void> context;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                this.context = context;
                applied = AppliedEventIds.from(context, "p");
            }

            @Override
            public void process(Record<String, Long> record) {
                String topic = context.recordMetadata().orElseThrow().topic();
                if (topic.equals("forget")) {
                    log.add("forgot " + applied.forgetBefore(record.value(), Integer.parseInt(record.key())));
                } else if (topic.equals("restart")) { // as a task starting on the stores it finds
                    applied = AppliedEventIds.from(context, "p");
                } else {
                    log.add(record.key() + " " + applied.see(record.key(), record.value()));
                }
            }
        }, "ids");
        for (var store : AppliedEventIds.storeBuilders("p")) {
            topology.addStateStore(store, "p");
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dedupe-test");
        driver = new TopologyTestDriver(topology, props);
        ids = driver.createInputTopic("ids", new StringSerializer(), new LongSerializer());
        forget = driver.createInputTopic("forget", new StringSerializer(), new LongSerializer());
        restart = driver.createInputTopic("restart", new StringSerializer(), new LongSerializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aRepeatedIdIsRecognisedUntilItIsForgotten() {
        ids.pipeInput("a", 100L);
        ids.pipeInput("b", 200L);
        ids.pipeInput("a", 300L);
        forget.pipeInput("100", 150L);
        ids.pipeInput("a", 400L);
        ids.pipeInput("b", 500L);

        assertThat(log).containsExactly("a FIRST", "b FIRST", "a REPEAT", "forgot 1", "a FIRST", "b REPEAT");
    }

    // X2: once ids before a point are forgotten, an event from before it is not applied again, seen or not
    @Test
    void anEventFromTheForgottenPastIsNotApplied() {
        ids.pipeInput("a", 100L);
        forget.pipeInput("100", 150L);
        forget.pipeInput("100", 120L); // an earlier point never moves the window back
        ids.pipeInput("a", 100L);
        ids.pipeInput("c", 149L);
        ids.pipeInput("d", 150L);

        assertThat(log).containsExactly("a FIRST", "forgot 1", "forgot 0", "a BEYOND_WINDOW", "c BEYOND_WINDOW",
                "d FIRST");
    }

    // X2, D-116: forgetting in bounded steps, oldest first; an id of before the point is never applied again,
    // whether it is forgotten yet or not
    @Test
    void forgettingIsBoundedPerCall() {
        ids.pipeInput("a", 100L);
        ids.pipeInput("b", 110L);
        ids.pipeInput("c", 120L);
        forget.pipeInput("2", 150L);
        ids.pipeInput("a", 100L);
        ids.pipeInput("c", 120L);
        forget.pipeInput("2", 150L);
        ids.pipeInput("c", 120L);

        assertThat(log).containsExactly("a FIRST", "b FIRST", "c FIRST", "forgot 2", "a BEYOND_WINDOW", "c REPEAT",
                "forgot 1", "c BEYOND_WINDOW");
    }

    // D-125: the time index has no changelog; a task that starts without it (a restore, a new instance) rebuilds
    // it from the ids, so what was applied before is still forgotten in time
    @Test
    void theTimeIndexIsRebuiltFromTheIdsWhenATaskStartsWithoutIt() {
        ids.pipeInput("a", 100L);
        ids.pipeInput("b", 200L);
        KeyValueStore<String, String> index = driver.getKeyValueStore("p-applied-ids-by-time");
        List<String> keys = new ArrayList<>();
        index.all().forEachRemaining(entry -> keys.add(entry.key));
        keys.forEach(index::delete);
        restart.pipeInput("", 0L);
        forget.pipeInput("100", 150L);
        ids.pipeInput("a", 400L);
        ids.pipeInput("b", 500L);

        assertThat(log).containsExactly("a FIRST", "b FIRST", "forgot 1", "a FIRST", "b REPEAT");
        assertThat(driver.producedTopicNames()).contains("dedupe-test-p-applied-ids-changelog")
                .doesNotContain("dedupe-test-p-applied-ids-by-time-changelog");
    }

    // D-127: a task that ran on another instance meanwhile (its ids came back through the changelog) and returns
    // to this disk finds the index out of step and rebuilds it, so the ids applied elsewhere are forgotten too
    @Test
    void theTimeIndexIsRebuiltWhenTheTaskRanElsewhereMeanwhile() {
        ids.pipeInput("a", 100L);
        driver.<String, Long>getKeyValueStore("p-applied-ids").put("c", 120L);
        driver.<String, String>getKeyValueStore("p-applied-ids-by-time-generation").put("generation", "elsewhere");
        restart.pipeInput("", 0L);
        forget.pipeInput("100", 150L);

        assertThat(log).containsExactly("a FIRST", "forgot 2");
    }
}
