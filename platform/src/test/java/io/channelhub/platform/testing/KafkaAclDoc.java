package io.channelhub.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.PlatformDefaults;
import io.channelhub.platform.topics.TopicCatalogue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The Kafka ACL tables of docs/security.md: one table {@code | resource type | pattern type | name | operations |}
 * under each heading ("Every service", then one per service). A service's principal gets the rows of "Every
 * service" and of its own table. {@link #assertDescribes} checks a service's rows against what its topology and
 * settings actually use, so the document cannot drift from the code.
 */
public final class KafkaAclDoc {

    public static final Path DOCUMENT = Path.of("../docs/security.md");
    public static final String EVERY_SERVICE = "Every service";
    static final String SECTION = "## Kafka";
    private static final Pattern HEADING = Pattern.compile("^#+\\s+(.+?)\\s*$");
    private static final Pattern HEADER = Pattern.compile(
            "^\\|\\s*resource type\\s*\\|\\s*pattern type\\s*\\|\\s*name\\s*\\|\\s*operations\\s*\\|\\s*$");

    /** One row: operations allowed on one resource pattern. */
    public record Row(ResourceType resourceType, PatternType patternType, String name, Set<AclOperation> operations) {
        ResourcePattern pattern() {
            return new ResourcePattern(resourceType, name, patternType);
        }
    }

    private final Map<String, List<Row>> tables;

    private KafkaAclDoc(Map<String, List<Row>> tables) {
        this.tables = tables;
    }

    /** docs/security.md, from a module's directory (tests run there). */
    public static KafkaAclDoc read() {
        return read(DOCUMENT);
    }

    public static KafkaAclDoc read(Path document) {
        try {
            return parse(Files.readAllLines(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables of the "## Kafka" section; other sections (HTTP, say) are not looked at. */
    static KafkaAclDoc parse(List<String> lines) {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        String heading = null;
        boolean kafka = false;
        for (int i = 0; i < lines.size(); i++) {
            Matcher h = HEADING.matcher(lines.get(i));
            if (lines.get(i).startsWith("## ")) {
                kafka = lines.get(i).trim().equals(SECTION);
                heading = null;
            } else if (!kafka) {
                continue;
            } else if (h.matches()) {
                heading = h.group(1);
            } else if (heading != null && HEADER.matcher(lines.get(i).trim()).matches()) {
                List<Row> rows = new ArrayList<>();
                int row = i + 2; // past the |---| line
                for (; row < lines.size() && lines.get(row).trim().startsWith("|"); row++) {
                    rows.add(row(lines.get(row)));
                }
                if (tables.putIfAbsent(heading, List.copyOf(rows)) != null) {
                    throw new IllegalStateException("Two ACL tables under " + heading);
                }
                i = row - 1;
            }
        }
        return new KafkaAclDoc(tables);
    }

    private static Row row(String line) {
        String[] cells = line.trim().replaceAll("^\\||\\|$", "").split("\\|");
        if (cells.length != 4) {
            throw new IllegalStateException("Not an ACL row of 4 cells: " + line);
        }
        Set<AclOperation> operations = EnumSet.noneOf(AclOperation.class);
        for (String op : cell(cells[3]).split(",")) {
            operations.add(AclOperation.valueOf(op.trim()));
        }
        return new Row(ResourceType.valueOf(cell(cells[0])), PatternType.valueOf(cell(cells[1])), cell(cells[2]),
                operations);
    }

    private static String cell(String cell) {
        return cell.trim().replace("`", "");
    }

    /** The rows under a heading, e.g. "discount-service" or {@link #EVERY_SERVICE}. */
    public List<Row> table(String heading) {
        List<Row> rows = tables.get(heading);
        if (rows == null) {
            throw new IllegalArgumentException("No ACL table under a heading \"" + heading + "\" in " + DOCUMENT
                    + "; tables: " + tables.keySet());
        }
        return rows;
    }

    /** What a service's principal gets: the rows of "Every service" and of the service's own table. */
    public List<Row> service(String service) {
        List<Row> rows = new ArrayList<>(table(EVERY_SERVICE));
        rows.addAll(table(service));
        return rows;
    }

    /** The rows as ALLOW bindings for a principal such as {@code User:channelhub-discount-service}, any host. */
    public static List<AclBinding> bindings(Collection<Row> rows, String principal) {
        List<AclBinding> bindings = new ArrayList<>();
        for (Row row : rows) {
            for (AclOperation operation : row.operations()) {
                bindings.add(new AclBinding(row.pattern(), new AccessControlEntry(principal, "*", operation,
                        AclPermissionType.ALLOW)));
            }
        }
        return bindings;
    }

    /** The operations per resource pattern, merged over rows, in a stable order for comparison. */
    static Map<String, Set<AclOperation>> merged(Collection<Row> rows) {
        Map<String, Set<AclOperation>> merged = new TreeMap<>();
        rows.forEach(row -> merged.computeIfAbsent(row.resourceType() + " " + row.patternType() + " " + row.name(),
                k -> new TreeSet<>()).addAll(row.operations()));
        return merged;
    }

    /**
     * What a service uses, from its topology and its defaults file ({@code <service>.properties}): it provisions the
     * catalogue and its own tables (CREATE), reads its topology's sources, writes its sinks and clock-tick topics,
     * runs Streams with exactly-once under its application id. Add what the topology does not show.
     */
    public static Expected expected(String service, Topology topology, Properties defaults) {
        return new Expected(service, topology, defaults);
    }

    /** Loads a service's defaults file from the classpath. */
    public static Properties defaults(String service) {
        Properties props = new Properties();
        try (InputStream in = KafkaAclDoc.class.getClassLoader().getResourceAsStream(service + ".properties")) {
            if (in == null) {
                throw new IllegalArgumentException("No " + service + ".properties on the classpath");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    /** The service's rows (every service's and its own) are exactly what it uses. */
    public void assertDescribes(Expected expected) {
        assertThat(merged(service(expected.service)))
                .as("ACLs of %s in %s (the \"%s\" table and its own) against its topology and settings; its own "
                        + "table should be:%n%s", expected.service, DOCUMENT, EVERY_SERVICE,
                        expected.markdown(table(EVERY_SERVICE)))
                .isEqualTo(merged(expected.rows));
    }

    /** The rows a service should have; see {@link #expected}. */
    public static final class Expected {
        /** What Kafka Streams does with its internal (changelog) topics, all named {@code <application.id>-...}. */
        public static final Set<AclOperation> INTERNAL_TOPICS = EnumSet.of(AclOperation.CREATE,
                AclOperation.DESCRIBE, AclOperation.READ, AclOperation.WRITE);

        private final String service;
        private final List<Row> rows = new ArrayList<>();

        private Expected(String service, Topology topology, Properties defaults) {
            this.service = service;
            String applicationId = defaults.getProperty("spring.kafka.streams.application-id");
            List<String> referenceTables = list(defaults.getProperty("channelhub.topics.reference-tables",
                    io.channelhub.schemas.Topics.DIRECTORY_EVENTS));
            List<String> own = list(defaults.getProperty("channelhub.topics.own", ""));
            TopicCatalogue.newTopics(PlatformDefaults.topics().with(referenceTables, own), service)
                    .forEach(t -> topic(t.name(), AclOperation.CREATE, AclOperation.DESCRIBE));
            TopologyDescription description = topology.describe();
            description.subtopologies().forEach(sub -> sub.nodes().forEach(node -> {
                if (node instanceof TopologyDescription.Source source) {
                    source.topicSet().forEach(this::reads);
                } else if (node instanceof TopologyDescription.Sink sink) {
                    writes(sink.topic());
                }
            }));
            description.globalStores().forEach(store -> store.source().topicSet().forEach(this::reads));
            list(defaults.getProperty("channelhub.clock.topics", "")).forEach(this::writes);
            rows.add(new Row(ResourceType.TOPIC, PatternType.PREFIXED, applicationId + "-", INTERNAL_TOPICS));
            group(applicationId);
            rows.add(new Row(ResourceType.TRANSACTIONAL_ID, PatternType.PREFIXED, applicationId + "-",
                    EnumSet.of(AclOperation.WRITE, AclOperation.DESCRIBE)));
        }

        /** A topic the service reads outside its topology. */
        public Expected reads(String topic) {
            return topic(topic, AclOperation.READ, AclOperation.DESCRIBE);
        }

        /** A topic the service writes outside its topology (commands submitted over HTTP, say). */
        public Expected writes(String topic) {
            return topic(topic, AclOperation.WRITE, AclOperation.DESCRIBE);
        }

        /** A consumer group the service joins. */
        public Expected group(String group) {
            rows.add(new Row(ResourceType.GROUP, PatternType.LITERAL, group,
                    EnumSet.of(AclOperation.READ, AclOperation.DESCRIBE)));
            return this;
        }

        private Expected topic(String topic, AclOperation... operations) {
            rows.add(new Row(ResourceType.TOPIC, PatternType.LITERAL, topic, EnumSet.copyOf(Arrays.asList(operations))));
            return this;
        }

        /** The service's own table as it should read in the document: its rows beyond {@code everyService}'s. */
        String markdown(List<Row> everyService) {
            Map<ResourcePattern, Set<AclOperation>> shared = new LinkedHashMap<>();
            everyService.forEach(r -> shared.computeIfAbsent(r.pattern(), k -> EnumSet.noneOf(AclOperation.class))
                    .addAll(r.operations()));
            Map<ResourcePattern, Set<AclOperation>> own = new TreeMap<>(Comparator
                    .comparing((ResourcePattern p) -> List.of(ResourceType.TOPIC, ResourceType.GROUP,
                            ResourceType.TRANSACTIONAL_ID).indexOf(p.resourceType()))
                    .thenComparing(ResourcePattern::patternType).thenComparing(ResourcePattern::name));
            rows.forEach(r -> own.computeIfAbsent(r.pattern(), k -> EnumSet.noneOf(AclOperation.class))
                    .addAll(r.operations()));
            StringBuilder table = new StringBuilder("| resource type | pattern type | name | operations |\n"
                    + "|---|---|---|---|\n");
            own.forEach((pattern, operations) -> {
                Set<AclOperation> beyond = EnumSet.copyOf(operations);
                beyond.removeAll(shared.getOrDefault(pattern, Set.of()));
                if (!beyond.isEmpty()) {
                    // DESCRIBE stays with READ and WRITE, as the document lists it
                    Set<AclOperation> printed = EnumSet.copyOf(operations);
                    shared.getOrDefault(pattern, Set.of()).stream().filter(op -> op != AclOperation.DESCRIBE)
                            .forEach(printed::remove);
                    table.append("| ").append(pattern.resourceType()).append(" | ").append(pattern.patternType())
                            .append(" | `").append(pattern.name()).append("` | ")
                            .append(String.join(", ", printed.stream().map(Enum::name).toList())).append(" |\n");
                }
            });
            return table.toString();
        }

        private static List<String> list(String value) {
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }
}
