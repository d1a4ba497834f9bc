package io.channelhub.ops;

import io.channelhub.schemas.Events;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {
            "Publishes events given as Avro JSON, encoded exactly as the services write them.",
            "Avro JSON is complete: every field present, null for an absent optional field, and unions spelled out:",
            "  \"entitlementId\": {\"string\": \"E-1\"}",
            "  \"kind\": {\"io.channelhub.transfer.event.TransferKind\": \"CHANGE_RESELLER\"}",
            "The \"event\" of tail's output is in this form. All input is checked before anything is sent; one line "
                    + "is printed per record published."},
        footer = {"",
            "JSON-lines file (--file): one event per line, blank lines skipped:",
            "  {\"type\": \"TransferRequested\", \"key\": \"E-1\", \"event\": { ...Avro JSON... }}",
            "\"type\" is the simple or full class name; a line without \"type\" or \"key\" takes --type or --key.",
            "",
            "Key: the line's \"key\", else --key, else the event's entitlementId; an event without one needs --key.",
            "",
            "Exit codes: 0 published, 1 Kafka failed, 2 bad arguments or input (nothing was sent)."})
final class PublishCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private KafkaOptions kafka;

    @Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "Topic to publish to.")
    private String topic;

    @Option(names = "--type", paramLabel = "EventType",
            description = "Event type, e.g. TransferRequested (simple or full class name).")
    private String type;

    @Option(names = "--key", paramLabel = "KEY", description = "Record key.")
    private String key;

    @Option(names = "--new-meta",
            description = "Give each event a new meta.eventId (random UUID), meta.occurredAt (now) and meta.producer "
                    + "(ops-cli); \"meta\" may then be left out of the JSON.")
    private boolean newMeta;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Input input;

    static final class Input {
        @Option(names = "--json", paramLabel = "AVRO_JSON", description = "One event as Avro JSON (needs --type).")
        String json;

        @Option(names = "--file", paramLabel = "FILE", description = "A JSON-lines file of events (format below).")
        Path file;
    }

    @Override
    public Integer call() throws InterruptedException {
        EventCodec codec = kafka.codec();
        OutgoingEvents parser = new OutgoingEvents(codec, type, key, newMeta);
        List<OutgoingEvent> events = input.json != null ? List.of(parser.fromJson(input.json))
                : parser.fromLines(input.file);
        try (KafkaProducer<String, byte[]> producer = kafka.newProducer()) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (OutgoingEvent event : events) {
                sends.add(producer.send(new ProducerRecord<>(topic, event.key(), codec.encode(event.event()))));
            }
            PrintWriter out = spec.commandLine().getOut();
            for (int i = 0; i < events.size(); i++) {
                out.println(describe(awaitSent(sends.get(i), i, events.size()), events.get(i)));
            }
        }
        return 0;
    }

    private static RecordMetadata awaitSent(Future<RecordMetadata> send, int index, int total)
            throws InterruptedException {
        try {
            return send.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("record " + (index + 1) + " of " + total + " not published: "
                    + e.getCause().getMessage(), e.getCause());
        }
    }

    private static String describe(RecordMetadata sent, OutgoingEvent event) {
        return "topic=" + sent.topic() + " partition=" + sent.partition() + " offset=" + sent.offset()
                + " type=" + event.event().getSchema().getName() + " eventId=" + Events.eventId(event.event())
                + " key=" + event.key();
    }
}
