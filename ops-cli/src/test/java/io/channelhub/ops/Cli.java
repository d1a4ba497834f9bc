package io.channelhub.ops;

import io.channelhub.platform.testing.KafkaTestClient;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs channelhub-ops in-process, as main would, capturing what it prints. */
final class Cli {
    private Cli() {
    }

    record Result(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = OpsCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** Runs a command against the test JVM's embedded broker. */
    static Result runOnBroker(String command, String... args) {
        return runOnBroker(List.of(command), args);
    }

    /** The same for a subcommand: {@code runOnBroker(List.of("dlt", "list"), "--topic", ...)}. */
    static Result runOnBroker(List<String> command, String... args) {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of("--bootstrap-servers", KafkaTestClient.brokers()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }
}
