package io.channelhub.ops;

import io.channelhub.schemas.registry.EventSubjects;
import io.channelhub.schemas.registry.SchemaRegistry;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The event schemas in the schema registry. */
@Command(name = "schemas", description = "The event schemas in the schema registry.",
        subcommands = SchemasCommand.Register.class)
final class SchemasCommand {

    /**
     * What each service does at start, for a registry prepared ahead of a roll-out: every subject's compatibility
     * level, then every shipped and current schema. A schema the registry refuses fails the command.
     */
    @Command(name = "register", description = "Register every event schema (each shipped version, then the current "
            + "one) under its record-name subject at " + "FULL_TRANSITIVE; prints subject and id.")
    static final class Register implements Callable<Integer> {

        @Mixin
        private RegistryOptions registry;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            SchemaRegistry bound = registry.bind();
            Map<Class<? extends SpecificRecord>, Integer> ids = EventSubjects.registerAll(bound);
            PrintWriter out = spec.commandLine().getOut();
            ids.forEach((type, id) -> out.printf("%-70s id %d%n", type.getName(), id));
            out.printf("%d subjects at %s in %s%n", ids.size(), EventSubjects.LEVEL, bound.location());
            return 0;
        }
    }
}
