package io.channelhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpsCliTest {

    @Test
    void helpListsTheCommands() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: channelhub-ops").contains("publish", "tail", "replay",
                "dlt", "state", "CHANNELHUB_BOOTSTRAP_SERVERS");
    }

    @Test
    void versionIsTheBuiltProjectVersion() {
        Cli.Result result = Cli.run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().trim()).matches("channelhub-ops \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void publishHelpDocumentsTheJsonLinesFormat() {
        Cli.Result result = Cli.run("publish", "--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("{\"type\": \"TransferRequested\", \"key\": \"E-1\", \"event\": {");
    }

    @ParameterizedTest
    @ValueSource(strings = {"publish", "tail", "replay", "dlt", "dlt list", "dlt show", "dlt redrive", "state"})
    void everyCommandHasHelpWithADescriptionForEachOption(String command) {
        List<String> words = List.of(command.split(" "));
        List<String> args = new ArrayList<>(words);
        args.add("--help");

        Cli.Result result = Cli.run(args.toArray(String[]::new));

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: channelhub-ops " + command);
        CommandLine commandLine = OpsCli.commandLine();
        for (String word : words) {
            commandLine = commandLine.getSubcommands().get(word);
        }
        assertThat(commandLine.getCommandSpec().options()).allSatisfy(option -> assertThat(
                String.join(" ", option.description())).as(option.longestName()).isNotBlank());
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("channelhub-ops: missing command: publish, tail, replay, dlt or state "
                + "(see --help)"
                + System.lineSeparator());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Result result = Cli.run("republish");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().contains("republish");
    }
}
