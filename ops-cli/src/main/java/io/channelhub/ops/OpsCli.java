package io.channelhub.ops;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code channelhub-ops}: the operators' tool. Every error ends in one line on stderr and an exit code (2: fix the
 * command line; 1: Kafka or something else failed), never a stack trace, so it behaves in scripts.
 */
@Command(name = "channelhub-ops", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Publish, read and replay Channel Hub events on Kafka, redrive dead letters, ask the services' "
                + "state.",
        subcommands = {PublishCommand.class, TailCommand.class, ReplayCommand.class, DltCommand.class,
            StateCommand.class, SchemasCommand.class, HelpCommand.class},
        footer = {"", "The broker is --bootstrap-servers, else $" + KafkaOptions.ENV_BOOTSTRAP + ", else localhost:9092.",
            "A secured cluster's client settings (TLS, SASL) are a properties file: --command-config FILE, else $"
                    + KafkaOptions.ENV_COMMAND_CONFIG + ".",
            "The schema registry is --registry-url, else $" + RegistryOptions.ENV_REGISTRY
                    + ", else http://localhost:8085/apis/ccompat/v7."})
public final class OpsCli implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with this tool's error handling; tests drive it with their own out and err writers. */
    public static CommandLine commandLine() {
        return new CommandLine(new OpsCli())
                .setParameterExceptionHandler(OpsCli::badArguments)
                .setExecutionExceptionHandler(OpsCli::failed);
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "missing command: publish, tail, replay, dlt or state");
    }

    private static int badArguments(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(oneLine(command.getCommandSpec().qualifiedName() + ": "
                + e.getMessage().replaceFirst("^Error: ", "") + " (see --help)"));
        return ExitCode.USAGE;
    }

    private static int failed(Exception e, CommandLine command, ParseResult parsed) {
        boolean usage = e instanceof UsageException;
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
        command.getErr().println(oneLine(command.getCommandSpec().qualifiedName() + ": "
                + (usage ? "" : "failed: ") + message));
        return usage ? ExitCode.USAGE : ExitCode.SOFTWARE;
    }

    /** Avro and Jackson messages may span lines; a script greps one. */
    private static String oneLine(String message) {
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
