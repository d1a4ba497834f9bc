package io.channelhub.platform.streams;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.schemas.registry.SchemaRegistryUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Response;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.Result;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.Test;

/** X1 and D-74: a record that throws is dead-lettered; a registry outage is waited out. */
class DeadLetterOnProcessingErrorTest {

    private final DeadLetterOnProcessingError handler = new DeadLetterOnProcessingError();

    /** Where the failing record came from, as Kafka Streams describes it. */
    private record Origin(String topic, int partition, long offset, Headers headers, String processorNodeId,
            TaskId taskId, long timestamp, byte[] sourceRawKey, byte[] sourceRawValue)
            implements ErrorHandlerContext {
    }

    private final ErrorHandlerContext origin = new Origin("transfers.commands", 1, 42, new RecordHeaders(),
            "decide", new TaskId(0, 1), 0L, "E-1".getBytes(StandardCharsets.UTF_8), new byte[] {0, 0, 0, 0, 9, 2});

    DeadLetterOnProcessingErrorTest() {
        handler.configure(Map.of(StreamsRunner.METER_REGISTRY_CONFIG, new SimpleMeterRegistry()));
    }

    @Test
    void aRecordThatThrowsGoesToItsDeadLetterTopicAndThePartitionMovesOn() {
        Response response = handler.handleError(origin, null, new IllegalStateException("cannot decide this"));

        assertThat(response.result()).isEqualTo(Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.topic()).isEqualTo("transfers.commands.dlt");
            assertThat(dead.value()).isEqualTo(origin.sourceRawValue());
        });
    }

    @Test
    void anUnreachableRegistryFailsTheTaskToRetryTheRecordInsteadOfDeadLetteringIt() {
        Response response = handler.handleError(origin, null, new RuntimeException("decode",
                new SchemaRegistryUnavailableException("Schema registry http://registry did not answer")));

        assertThat(response.result()).isEqualTo(Result.FAIL);
        assertThat(response.deadLetterQueueRecords()).isEmpty();
    }
}
