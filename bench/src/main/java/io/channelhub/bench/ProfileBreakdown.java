package io.channelhub.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a JFR recording of a benchmark run ({@code -XX:StartFlightRecording=...,settings=profile}) and prints where
 * the time went: CPU samples per part of the stack (broker, each service's stream threads, the SMTP senders, the
 * SMTP server, the load generator), and what the SMTP senders' threads spent their wall time on (running Java,
 * waiting in native code for a socket, parked on a future), by phase of an e-mail. Run:
 * {@code java -cp ... io.channelhub.bench.ProfileBreakdown recording.jfr}
 */
public final class ProfileBreakdown {

    /** Parts of the stack, by thread name; the first match wins. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("transfer-service", "transfer-service (stream threads, their producers)");
        PARTS.put("notification-service", "notification planning (stream threads, their producers)");
        PARTS.put("discount-service", "discount-service");
        PARTS.put("billing-service", "billing-service");
        PARTS.put("KafkaListenerEndpointContainer", "SMTP senders (outbox consumers)");
        PARTS.put("kafka-producer-network-thread | producer-", "SMTP senders' EmailSent producer, bench producers");
        PARTS.put("smtp", "SMTP server (GreenMail)");
        PARTS.put("bench-hops", "benchmark: hop watcher");
        PARTS.put("main", "benchmark main thread (start-ups, load generator, SMTP floor)");
        PARTS.put("data-plane", "broker: request handlers, network");
        PARTS.put("kafka-network-thread", "broker: request handlers, network");
        PARTS.put("kafka-", "broker: other");
        PARTS.put("Raft", "broker: other");
        PARTS.put("quorum", "broker: other");
        PARTS.put("group-coordinator", "broker: other");
        PARTS.put("transaction", "broker: other");
        PARTS.put("GC", "JVM: GC, JIT, JFR");
        PARTS.put("C2", "JVM: GC, JIT, JFR");
        PARTS.put("C1", "JVM: GC, JIT, JFR");
        PARTS.put("JFR", "JVM: GC, JIT, JFR");
    }

    /** Phases of one e-mail in the sender, by the frames on the stack; the first match wins. */
    private static final Map<String, String> PHASES = new LinkedHashMap<>();

    static {
        PHASES.put("commitSync", "committing the outbox offset");
        PHASES.put("acknowledge", "committing the outbox offset");
        PHASES.put("CompletableFuture.join", "awaiting the EmailSent acknowledgment");
        PHASES.put("MimeEmails", "building the MIME message");
        PHASES.put("SMTPTransport.protocolConnect", "SMTP: connecting");
        PHASES.put("SMTPTransport.close", "SMTP: closing");
        PHASES.put("SMTPTransport", "SMTP: sending");
        PHASES.put("EmailSender", "sender: other");
        PHASES.put("KafkaConsumer.poll", "polling the outbox (idle or fetching)");
        PHASES.put("ClassicKafkaConsumer.poll", "polling the outbox (idle or fetching)");
    }

    private ProfileBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> cpu = new TreeMap<>();
        Map<String, Double> senderWall = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = event.getEventType().getName();
            RecordedThread thread = event.hasField("sampledThread") ? event.getThread("sampledThread")
                    : event.getThread();
            String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
            boolean sender = name.contains("KafkaListenerEndpointContainer");
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    cpu.merge(part(name), 1, Integer::sum);
                    samples++;
                    if (sender) {
                        senderWall.merge("running Java: " + phase(event.getStackTrace()), 0.010, Double::sum);
                    }
                }
                case "jdk.NativeMethodSample" -> {
                    if (sender) {
                        senderWall.merge("waiting in native (socket): " + phase(event.getStackTrace()), 0.020,
                                Double::sum);
                    }
                }
                case "jdk.ThreadPark" -> {
                    if (sender) {
                        senderWall.merge("parked: " + phase(event.getStackTrace()),
                                event.getDuration().toNanos() / 1e9, Double::sum);
                    }
                }
                default -> {
                }
            }
        }
        System.out.printf("| part of the stack | share of CPU samples |%n|---|---:|%n");
        int total = samples;
        cpu.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> System.out.printf("| %s | %.1f%% |%n", e.getKey(), 100.0 * e.getValue() / total));
        System.out.printf("%n| SMTP senders' threads, wall time by phase | s |%n|---|---:|%n");
        senderWall.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> System.out.printf("| %s | %.1f |%n", e.getKey(), e.getValue()));
    }

    private static String part(String thread) {
        return PARTS.entrySet().stream().filter(e -> thread.contains(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse("other");
    }

    private static String phase(RecordedStackTrace stack) {
        if (stack == null) {
            return "unknown";
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (Map.Entry<String, String> phase : PHASES.entrySet()) {
            for (RecordedFrame frame : frames) {
                String method = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                if (method.contains(phase.getKey())) {
                    return phase.getValue();
                }
            }
        }
        return "other";
    }
}
