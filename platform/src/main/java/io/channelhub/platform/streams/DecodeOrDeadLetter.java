package io.channelhub.platform.streams;

import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * The first node after every source: decodes the value as an event and passes it on, or, when the bytes are not
 * a known event, forwards the original key and value to {@code <topic>.dlt} with headers naming the source
 * topic, partition, offset and the error. Decoding here, not in a deserializer, keeps the DLT write inside the
 * Streams transaction and means one bad record never stalls the partition.
 */
public final class DecodeOrDeadLetter implements Processor<byte[], byte[], Object, Object> {

    public static final String HEADER_TOPIC = "channelhub.dlt.topic";
    public static final String HEADER_PARTITION = "channelhub.dlt.partition";
    public static final String HEADER_OFFSET = "channelhub.dlt.offset";
    public static final String HEADER_EXCEPTION = "channelhub.dlt.exception";
    public static final String HEADER_MESSAGE = "channelhub.dlt.message";

    private static final EventSerde SERDE = new EventSerde();

    private final String decodedChild;
    private final String dltChild;
    private final Counter deadLettered;
    private ProcessorContext<Object, Object> context;

    private DecodeOrDeadLetter(String decodedChild, String dltChild, Counter deadLettered) {
        this.decodedChild = decodedChild;
        this.dltChild = dltChild;
        this.deadLettered = deadLettered;
    }

    /**
     * Adds {@code source -> decode -> (dlt sink | children)} for one topic and returns the name of the decode node:
     * connect the service's processor to it. Children receive {@code (String key, SpecificRecord event)}.
     *
     * @param decodedChild the name of the processor that will receive decoded events (added by the caller)
     */
    public static String addSource(Topology topology, String topic, String decodedChild, MeterRegistry registry) {
        String source = "source-" + topic;
        String decode = "decode-" + topic;
        String dlt = "dlt-" + topic;
        Counter counter = Counter.builder(MetricNames.DLT_RECORDS).tag("topic", topic)
                .description("Records that could not be decoded, written to the topic's DLT").register(registry);
        topology.addSource(source, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topic);
        topology.addProcessor(decode, () -> new DecodeOrDeadLetter(decodedChild, dlt, counter), source);
        topology.addSink(dlt, Topics.dlt(topic), new ByteArraySerializer(), new ByteArraySerializer(), decode);
        return decode;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        SpecificRecord event;
        try {
            event = SERDE.decode(record.value());
        } catch (SerializationException e) {
            deadLetter(record, e);
            return;
        }
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        context.forward(new Record<Object, Object>(key, event, record.timestamp(), record.headers()), decodedChild);
    }

    private void deadLetter(Record<byte[], byte[]> record, Exception error) {
        Headers headers = record.headers();
        RecordMetadata origin = context.recordMetadata().orElse(null);
        if (origin != null) {
            headers.add(HEADER_TOPIC, utf8(origin.topic()));
            headers.add(HEADER_PARTITION, utf8(Integer.toString(origin.partition())));
            headers.add(HEADER_OFFSET, utf8(Long.toString(origin.offset())));
        }
        headers.add(HEADER_EXCEPTION, utf8(error.getClass().getName()));
        headers.add(HEADER_MESSAGE, utf8(String.valueOf(error.getMessage())));
        context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(), headers), dltChild);
        deadLettered.increment();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
