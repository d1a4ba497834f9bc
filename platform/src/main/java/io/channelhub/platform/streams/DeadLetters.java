package io.channelhub.platform.streams;

import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * The dead-letter copy of an input record: its original key and value bytes on {@code <topic>.dlt}, its headers,
 * and headers naming where it came from and what went wrong. One shape for every way a record can fail (not
 * decodable, over a limit, a processing error, an outcome that cannot be produced), so {@code ops dlt} reads
 * them all alike.
 */
public final class DeadLetters {

    public static final String HEADER_TOPIC = "channelhub.dlt.topic";
    public static final String HEADER_PARTITION = "channelhub.dlt.partition";
    public static final String HEADER_OFFSET = "channelhub.dlt.offset";
    public static final String HEADER_EXCEPTION = "channelhub.dlt.exception";
    public static final String HEADER_MESSAGE = "channelhub.dlt.message";
    /** Set when the original value could not be copied (it and its headers exceed the record size): read it at the source. */
    public static final String HEADER_VALUE_OMITTED = "channelhub.dlt.value-omitted";

    /**
     * Room kept for headers on top of the largest record an input accepts: dead-letter topics and the Streams
     * producer allow {@code input limit + HEADROOM}, so any accepted input can be dead-lettered whole.
     */
    public static final int HEADROOM = Topics.OWN_MAX_BYTES - Topics.INPUT_MAX_BYTES;
    /** The longest error message kept in a header. */
    static final int MAX_MESSAGE = 2_000;

    private DeadLetters() {
    }

    /** Adds the origin and error headers to {@code headers} (in place) and returns them. */
    public static Headers describe(Headers headers, String topic, int partition, long offset, Throwable error) {
        return describe(headers, topic, partition, offset, error.getClass().getName(), message(error));
    }

    /** The same for a record refused by a rule rather than an exception: {@code cause} names the rule's code. */
    public static Headers describe(Headers headers, String topic, int partition, long offset, String cause,
            String message) {
        headers.add(HEADER_TOPIC, utf8(topic));
        headers.add(HEADER_PARTITION, utf8(Integer.toString(partition)));
        headers.add(HEADER_OFFSET, utf8(Long.toString(offset)));
        headers.add(HEADER_EXCEPTION, utf8(cause));
        headers.add(HEADER_MESSAGE, utf8(message));
        return headers;
    }

    /**
     * The dead-letter record for the input a handler was called for, or none when there is no input record
     * (a punctuation failed: the next one runs again).
     */
    static List<ProducerRecord<byte[], byte[]>> of(ErrorHandlerContext context, Throwable error,
            MeterRegistry registry) {
        if (context.topic() == null) {
            return List.of();
        }
        Headers headers = describe(new RecordHeaders(context.headers().toArray()), context.topic(),
                context.partition(), context.offset(), error);
        if (registry != null) {
            registry.counter(MetricNames.DLT_RECORDS, "topic", context.topic()).increment();
        }
        return List.of(new ProducerRecord<>(Topics.dlt(context.topic()), null, context.timestamp(),
                context.sourceRawKey(), context.sourceRawValue(), headers));
    }

    /**
     * What is left when even the dead-letter copy cannot be written: its headers and key without the value, and
     * a header saying where the original still is. Nothing is lost while the source topic retains it.
     */
    static ProducerRecord<byte[], byte[]> withoutValue(ProducerRecord<byte[], byte[]> deadLetter, Throwable error) {
        Headers headers = new RecordHeaders();
        for (var header : deadLetter.headers()) {
            if (!header.key().equals(HEADER_EXCEPTION) && !header.key().equals(HEADER_MESSAGE)
                    && header.key().startsWith("channelhub.dlt.")) {
                headers.add(header);
            }
        }
        headers.add(HEADER_EXCEPTION, utf8(error.getClass().getName()));
        headers.add(HEADER_MESSAGE, utf8(message(error)));
        headers.add(HEADER_VALUE_OMITTED, utf8("the record with its headers is over the dead-letter size; "
                + "read it at its source topic, partition and offset"));
        byte[] key = deadLetter.key() != null && deadLetter.key().length <= HEADROOM / 2 ? deadLetter.key() : null;
        return new ProducerRecord<>(deadLetter.topic(), deadLetter.partition(), deadLetter.timestamp(), key, null,
                headers);
    }

    static String message(Throwable error) {
        String message = String.valueOf(error.getMessage());
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
