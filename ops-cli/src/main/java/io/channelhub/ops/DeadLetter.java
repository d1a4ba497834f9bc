package io.channelhub.ops;

import io.channelhub.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record of a dead-letter topic as the platform's DecodeOrDeadLetter writes it: the original key and value, the
 * original headers, and {@code channelhub.dlt.*} headers naming where it came from and why it could not be
 * decoded.
 */
record DeadLetter(ConsumerRecord<byte[], byte[]> record) {

    /*
     * The names DecodeOrDeadLetter writes (a test checks they match). Not referenced from platform, which would
     * bring Kafka Streams and Spring into the operators' tool.
     */
    static final String HEADER_PREFIX = "channelhub.dlt.";
    static final String HEADER_TOPIC = HEADER_PREFIX + "topic";
    static final String HEADER_PARTITION = HEADER_PREFIX + "partition";
    static final String HEADER_OFFSET = HEADER_PREFIX + "offset";
    static final String HEADER_EXCEPTION = HEADER_PREFIX + "exception";
    static final String HEADER_MESSAGE = HEADER_PREFIX + "message";
    /** Added on redrive: {@code <dlt>:<partition>:<offset>} of the dead letter a record was re-published from. */
    static final String HEADER_REDRIVEN_FROM = "channelhub.redriven-from";

    /** {@code Topics.dlt} appends a suffix; this is it. */
    static final String DLT_SUFFIX = Topics.dlt("");

    static boolean isDeadLetterTopic(String topic) {
        return topic.endsWith(DLT_SUFFIX);
    }

    /** What the operator may name: the DLT itself, or the topic whose DLT it is. */
    static String deadLetterTopic(String topic) {
        return isDeadLetterTopic(topic) ? topic : Topics.dlt(topic);
    }

    /** {@code transfers.commands.dlt:0:17}: where this dead letter is. */
    String coordinates() {
        return record.topic() + ":" + record.partition() + ":" + record.offset();
    }

    /**
     * The topic to redrive to: the header's, else (a record written without its source's metadata) the topic the
     * DLT belongs to.
     */
    String originTopic() {
        String named = header(HEADER_TOPIC);
        return named != null ? named : record.topic().substring(0, record.topic().length() - DLT_SUFFIX.length());
    }

    /** The partition it was read from, or null when the header is missing or not a number. */
    Integer originPartition() {
        try {
            String partition = header(HEADER_PARTITION);
            return partition == null ? null : Integer.valueOf(partition);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code transfers.commands:1:42}, with {@code ?} for what the headers do not say. */
    String origin() {
        return originTopic() + ":" + orUnknown(header(HEADER_PARTITION)) + ":" + orUnknown(header(HEADER_OFFSET));
    }

    String exception() {
        return header(HEADER_EXCEPTION);
    }

    /** The exception's simple name, for a line that has to stay short. */
    String exceptionSimpleName() {
        String exception = exception();
        return exception == null ? "?" : exception.substring(exception.lastIndexOf('.') + 1);
    }

    String message() {
        return header(HEADER_MESSAGE);
    }

    Instant timestamp() {
        return Instant.ofEpochMilli(record.timestamp());
    }

    /**
     * The original record's headers: the dead-letter ones dropped (the copy is no dead letter) and a
     * {@code channelhub.redriven-from} naming this dead letter, replacing one from an earlier redrive.
     */
    RecordHeaders redriveHeaders() {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(HEADER_PREFIX) && !header.key().equals(HEADER_REDRIVEN_FROM)) {
                headers.add(header);
            }
        }
        headers.add(HEADER_REDRIVEN_FROM, coordinates().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private String header(String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String orUnknown(String value) {
        return value == null ? "?" : value;
    }
}
