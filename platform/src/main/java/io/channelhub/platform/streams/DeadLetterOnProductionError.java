package io.channelhub.platform.streams;

import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * X1: an outcome that cannot be produced (over the record size, not serializable) sends the input that caused it
 * to the input's DLT, in the same transaction, and the partition moves on. A dead-letter copy that itself cannot
 * be written is replaced by its headers alone, pointing at the source offset. Retriable errors are retried, as
 * Streams' default does.
 */
public final class DeadLetterOnProductionError implements ProductionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOnProductionError.class);

    private MeterRegistry registry;

    @Override
    public void configure(Map<String, ?> configs) {
        registry = (MeterRegistry) configs.get(StreamsRunner.METER_REGISTRY_CONFIG);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (exception instanceof RetriableException) {
            return Response.retry();
        }
        return deadLetter(context, record, exception);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
            SerializationExceptionOrigin origin) {
        return deadLetter(context, null, exception);
    }

    private Response deadLetter(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> failed,
            Exception exception) {
        if (failed != null && failed.topic().endsWith(Topics.dlt(""))) {
            log.error("The dead-letter copy of {}-{}@{} cannot be written; writing its headers alone", 
                    context.topic(), context.partition(), context.offset(), exception);
            return Response.resume(List.of(DeadLetters.withoutValue(failed, exception)));
        }
        log.error("An outcome of {}-{}@{} cannot be produced to {}; the input is dead-lettered, the partition moves "
                + "on", context.topic(), context.partition(), context.offset(),
                failed == null ? "its topic" : failed.topic(), exception);
        return Response.resume(DeadLetters.of(context, exception, registry));
    }
}
