package io.channelhub.platform.streams;

import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.event.InputRefused;
import io.channelhub.platform.event.LimitViolation;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.InputLimits;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
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
 *
 * <p>On a topic written upstream it is also the door of X1: an event over an {@link InputLimits} limit is never
 * passed on. A command is answered with {@link InputRefused} on the command topic's outcome topic; a fact, having
 * no one to answer, is dead-lettered with the same reasons.
 */
public final class DecodeOrDeadLetter implements Processor<byte[], byte[], Object, Object> {

    private static final EventSerde SERDE = new EventSerde();

    /** Whether the topic is written upstream, so its events are checked against their limits (X1). */
    private final boolean upstream;
    private final String decodedChild;
    private final String dltChild;
    private final String refusalChild;
    private final Counter deadLettered;
    private final Counter refused;
    private ProcessorContext<Object, Object> context;

    private DecodeOrDeadLetter(String topic, String decodedChild, String dltChild, String refusalChild,
            Counter deadLettered, Counter refused) {
        this.upstream = Topics.UPSTREAM.contains(topic);
        this.decodedChild = decodedChild;
        this.dltChild = dltChild;
        this.refusalChild = refusalChild;
        this.deadLettered = deadLettered;
        this.refused = refused;
    }

    /**
     * Adds {@code source -> decode -> (dlt sink | refusal sink | children)} for one topic and returns the name of
     * the decode node: connect the service's processor to it. Children receive {@code (String key, SpecificRecord
     * event)}.
     *
     * @param decodedChild the name of the processor that will receive decoded events (added by the caller)
     */
    public static String addSource(Topology topology, String topic, String decodedChild, MeterRegistry registry) {
        String source = "source-" + topic;
        String decode = "decode-" + topic;
        String dlt = "dlt-" + topic;
        String answeredOn = Topics.UPSTREAM.contains(topic) ? Topics.answeredOn(topic) : null;
        String refusal = answeredOn == null ? null : "refuse-oversized-" + topic;
        Counter deadLettered = Counter.builder(MetricNames.DLT_RECORDS).tag("topic", topic)
                .description("Records that could not be decoded or processed, written to the topic's DLT")
                .register(registry);
        Counter refused = Counter.builder(MetricNames.INPUTS_OVER_LIMIT).tag("topic", topic)
                .description("Inputs over a size limit, refused before any decision").register(registry);
        topology.addSource(source, new ByteArrayDeserializer(), new ByteArrayDeserializer(), topic);
        topology.addProcessor(decode, () -> new DecodeOrDeadLetter(topic, decodedChild, dlt, refusal, deadLettered,
                refused), source);
        topology.addSink(dlt, Topics.dlt(topic), new ByteArraySerializer(), new ByteArraySerializer(), decode);
        if (refusal != null) {
            topology.addSink(refusal, answeredOn, new StringSerializer(), new EventSerde(), decode);
        }
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
        if (upstream) {
            List<InputLimits.Violation> violations = InputLimits.check(key, event);
            if (!violations.isEmpty()) {
                refuse(record, key, event, violations);
                return;
            }
        }
        context.forward(new Record<Object, Object>(key, event, record.timestamp(), record.headers()), decodedChild);
    }

    private void refuse(Record<byte[], byte[]> record, String key, SpecificRecord event,
            List<InputLimits.Violation> violations) {
        refused.increment();
        if (refusalChild == null) {
            deadLetter(record, new InputOverLimitException(event, violations));
            return;
        }
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        String at = origin.topic() + ":" + origin.partition() + ":" + origin.offset();
        EventMeta meta = EventIds.origin(EventIds.derive("input:" + at, "InputRefused", 0),
                Instant.ofEpochMilli(record.timestamp()), "channelhub");
        String inputEventId = inputEventId(event);
        InputRefused refusal = InputRefused.newBuilder()
                .setMeta(meta)
                .setSourceTopic(origin.topic())
                .setSourcePartition(origin.partition())
                .setSourceOffset(origin.offset())
                .setEventType(event.getSchema().getName())
                .setInputEventId(inputEventId)
                .setViolations(violations.stream()
                        .map(v -> new LimitViolation(v.field(), v.limit(), v.actual())).toList())
                .build();
        String refusalKey = key != null && key.length() <= InputLimits.KEY ? key : "input:" + at;
        context.forward(new Record<Object, Object>(refusalKey, refusal, record.timestamp()), refusalChild);
    }

    /** The refused event's id when it is itself within its limit: a refusal never echoes oversized content. */
    private static String inputEventId(SpecificRecord event) {
        String id = Events.meta(event).getEventId();
        return id != null && id.length() <= InputLimits.ID ? id : null;
    }

    private void deadLetter(Record<byte[], byte[]> record, Exception error) {
        RecordMetadata origin = context.recordMetadata().orElse(null);
        if (origin != null) {
            DeadLetters.describe(record.headers(), origin.topic(), origin.partition(), origin.offset(), error);
        }
        context.forward(new Record<Object, Object>(record.key(), record.value(), record.timestamp(),
                record.headers()), dltChild);
        deadLettered.increment();
    }

    /** Why a fact over a limit was dead-lettered. */
    static final class InputOverLimitException extends RuntimeException {
        InputOverLimitException(SpecificRecord event, List<InputLimits.Violation> violations) {
            super(event.getSchema().getName() + " over its limits: " + violations, null, false, false);
        }
    }
}
