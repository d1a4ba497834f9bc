package io.channelhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpsCliTest {

    @Test
    void helpListsTheCommands() {
        Cli.Result result = Cli.run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("Usage: channelhub-ops").contains("publish", "tail",
                "CHANNELHUB_BOOTSTRAP_SERVERS");
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

    @Test
    void noCommandIsAUsageError() {
        Cli.Result result = Cli.run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("channelhub-ops: missing command: publish or tail (see --help)"
                + System.lineSeparator());
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        Cli.Result result = Cli.run("republish");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().contains("republish");
    }
}
