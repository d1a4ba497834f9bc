package io.channelhub.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.TransferRequested;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** X1: undecodable bytes go to the topic's DLT with the original bytes and the error; the next record flows. */
class DecodeOrDeadLetterTest {

    private static final String TOPIC = Topics.TRANSFERS_COMMANDS;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> input;
    private TestOutputTopic<byte[], byte[]> dlt;
    private TestOutputTopic<String, SpecificRecord> decoded;

    @BeforeEach
    void start() {
        Topology topology = new Topology();
        String decode = DecodeOrDeadLetter.addSource(topology, TOPIC, "echo", registry);
        topology.addProcessor("echo", () -> new ContextualProcessor<String, SpecificRecord, String, SpecificRecord>() {
            @Override
            public void process(Record<String, SpecificRecord> record) {
                context().forward(record);
            }
        }, decode);
        topology.addSink("out", "decoded", new StringSerializer(), new EventSerde(), "echo");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dlt-test");
        driver = new TopologyTestDriver(topology, props);
        input = driver.createInputTopic(TOPIC, new StringSerializer(), new ByteArraySerializer());
        dlt = driver.createOutputTopic(Topics.dlt(TOPIC), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        decoded = driver.createOutputTopic("decoded", new StringDeserializer(), new EventSerde());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void garbageGoesToTheDeadLetterTopicWithItsOriginalBytesAndTheNextRecordIsStillProcessed() {
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        TransferRequested valid = TransferRequested.newBuilder().setMeta(EventMeta.newBuilder().setEventId("e-1")
                .setOccurredAt(Instant.EPOCH).setProducer("test").build()).setEntitlementId("E-1").build();

        input.pipeInput("E-1", garbage);
        input.pipeInput("E-1", new EventSerde().encode(valid));

        List<TestRecord<byte[], byte[]>> dead = dlt.readRecordsToList();
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("E-1");
        Headers headers = dead.get(0).headers();
        assertThat(header(headers, DeadLetters.HEADER_TOPIC)).isEqualTo(TOPIC);
        assertThat(header(headers, DeadLetters.HEADER_PARTITION)).isEqualTo("0");
        assertThat(header(headers, DeadLetters.HEADER_OFFSET)).isEqualTo("0");
        assertThat(header(headers, DeadLetters.HEADER_EXCEPTION)).endsWith("SerializationException");
        assertThat(header(headers, DeadLetters.HEADER_MESSAGE)).contains("C3 01");

        assertThat(decoded.readValuesToList()).containsExactly(valid);
        assertThat(registry.counter(MetricNames.DLT_RECORDS, "topic", TOPIC).count()).isEqualTo(1.0);
    }

    @Test
    void aNullValueIsDeadLetteredToo() {
        input.pipeInput("E-2", (byte[]) null);
        assertThat(dlt.readRecordsToList()).hasSize(1);
        assertThat(decoded.isEmpty()).isTrue();
    }

    private static String header(Headers headers, String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
