package io.channelhub.localstack;

import io.channelhub.platform.security.PartyKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Prints a development bearer token signed by the local stack's issuer, for calling the services' HTTP APIs by
 * hand: {@code curl -H "Authorization: Bearer $(./run-local-stack.sh token isv isv-acme-analytics)" ...}.
 */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a development bearer token for a party, signed by this stack's issuer "
                + "(created in the data directory on first use).",
        footer = {"", "Examples:",
            "  ./run-local-stack.sh token isv isv-acme-analytics",
            "  ./run-local-stack.sh token reseller reseller-northwind --valid-for PT8H",
            "  ./run-local-stack.sh token operator alice"})
final class TokenCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "KIND", converter = KindConverter.class,
            description = "isv, reseller, customer or operator")
    PartyKind kind;

    @Parameters(index = "1", paramLabel = "PARTY_ID",
            description = "The party's id (an operator's own name)")
    String partyId;

    @Option(names = "--valid-for", defaultValue = "PT1H",
            description = "How long the token is valid, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration validity;

    @Option(names = "--data-dir", defaultValue = ".local-stack",
            description = "The stack's data directory (default: ${DEFAULT-VALUE})")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // the command line's writer (System.out unless set): a test reads the token as the shell's $(...) would
        spec.commandLine().getOut().println(DataDirectory.prepare(dataDir, false).tokenIssuer()
                .token(kind, partyId, validity));
        spec.commandLine().getOut().flush();
        return 0;
    }

    static final class KindConverter implements picocli.CommandLine.ITypeConverter<PartyKind> {
        @Override
        public PartyKind convert(String value) {
            return PartyKind.parse(value.toLowerCase(Locale.ROOT)).orElseThrow(() -> new TypeConversionException(
                    "'" + value + "' is not a kind of party: isv, reseller, customer or operator"));
        }
    }
}
