package io.channelhub.platform.streams;

import io.channelhub.schemas.registry.SchemaRegistryUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * X1: a record whose processing throws goes to its topic's DLT with the error, in the same transaction, and the
 * partition moves on; unless the schema registry is unreachable, which is an outage to wait out, not a bad record. Without it the thread dies, is replaced, and fails on the same record forever.
 */
public final class DeadLetterOnProcessingError implements ProcessingExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterOnProcessingError.class);

    private MeterRegistry registry;

    private static boolean registryOutage(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SchemaRegistryUnavailableException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void configure(Map<String, ?> configs) {
        registry = (MeterRegistry) configs.get(StreamsRunner.METER_REGISTRY_CONFIG);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (registryOutage(exception)) {
            // not the record's fault: the thread fails and is replaced, the record is retried; the stall
            // detector takes readiness down if the registry stays away (X1)
            log.error("Processing {}-{}@{} needs the schema registry, which is unreachable; retrying",
                    context.topic(), context.partition(), context.offset(), exception);
            return Response.fail();
        }
        log.error("Processing {}-{}@{} failed in {}; dead-lettered, the partition moves on", context.topic(),
                context.partition(), context.offset(), context.processorNodeId(), exception);
        return Response.resume(DeadLetters.of(context, exception, registry));
    }
}
