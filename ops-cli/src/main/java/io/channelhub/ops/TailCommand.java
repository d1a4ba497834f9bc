package io.channelhub.ops;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {
            "Prints a topic's records as JSON lines on stdout.",
            "One line per record, each partition in order:",
            "  {\"topic\":..,\"partition\":..,\"offset\":..,\"timestamp\":..,\"key\":..,",
            "   \"type\":\"TransferRequested\",\"event\":{..Avro JSON, the form publish reads..}}",
            "Records of a dead-letter topic (*.dlt), and records that do not decode, are printed raw:",
            "  {\"topic\":..,..,\"undecodable\":true,\"valueBase64\":\"..\",",
            "   \"headers\":{\"channelhub.dlt.message\":\"..\",..}}",
            "plus \"error\", saying why, when a record of an ordinary topic does not decode.",
            "Reads only committed records (read_committed); joins no consumer group, commits nothing."},
        footer = {"",
            "Stops after --max records, or once nothing new has arrived for --timeout-ms milliseconds",
            "(default 5000, so scripts end); --timeout-ms 0 follows the topic until Ctrl-C.",
            "",
            "Exit codes: 0 done, 1 Kafka failed, 2 bad arguments or unknown topic."})
final class TailCommand implements Callable<Integer> {

    private static final Duration POLL = Duration.ofMillis(200);

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic to read.")
    private String topic;

    @Option(names = "--from-beginning", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Start at the oldest record (default); --no-from-beginning prints only records that arrive "
                    + "from now on.")
    private boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
    private Long max;

    @Option(names = "--timeout-ms", paramLabel = "MS", defaultValue = "5000",
            description = "Stop once nothing new arrived for MS milliseconds; 0 never stops (default: ${DEFAULT-VALUE}).")
    private long timeoutMs;

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw new ParameterException(spec.commandLine(), "--max must be at least 1");
        }
        if (timeoutMs < 0) {
            throw new ParameterException(spec.commandLine(), "--timeout-ms must not be negative");
        }
        try (KafkaConsumer<String, byte[]> consumer = kafka.newConsumer()) {
            startAt(consumer, Partitions.of(consumer, topic));
            print(consumer, new TailLine(kafka.codec()), spec.commandLine().getOut());
        }
        return 0;
    }

    private void startAt(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions) {
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            // seeks are lazy: fix "now" here, or records written before the first poll would be skipped
            partitions.forEach(consumer::position);
        }
    }

    private void print(KafkaConsumer<String, byte[]> consumer, TailLine lines, PrintWriter out) {
        long limit = max == null ? Long.MAX_VALUE : max;
        long idleLimitNanos = timeoutMs == 0 ? Long.MAX_VALUE : Duration.ofMillis(timeoutMs).toNanos();
        long printed = 0;
        long lastNews = System.nanoTime();
        while (printed < limit && System.nanoTime() - lastNews < idleLimitNanos) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                lastNews = System.nanoTime();
                out.println(lines.format(record));
                if (++printed == limit) {
                    break;
                }
            }
        }
        out.flush();
    }
}
