package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md stays true to the code: every rule ID is in the table, every class it names exists, every method it
 * names is in that class, and every test it names cites the rule. And the repository stands alone: no Markdown link
 * leads out of it or to a file that is not there.
 */
class RulesTableTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ROW = Pattern.compile("^\\| ([TDBRNX]\\d+) \\|(.+)\\|(.+)\\|(.+)\\|$");
    private static final Pattern NAME = Pattern.compile("`([A-Z]\\w*)(?:\\.(\\w+))?`");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    /** The rules as numbered: transfers, discounts, billing, reseller programme, notifications, cross-cutting. */
    static List<String> ids() {
        List<String> ids = new ArrayList<>();
        Map.of("T", 9, "D", 10, "B", 7, "R", 7, "N", 3, "X", 4).forEach((area, count) ->
                IntStream.rangeClosed(1, count).forEach(n -> ids.add(area + n)));
        return ids;
    }

    record Rule(String id, String decidedBy, String provedBy) {
    }

    static Map<String, Rule> table() throws IOException {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/rules.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertThat(rules.put(row.group(1), new Rule(row.group(1), row.group(3), row.group(4))))
                        .as("rule %s listed once", row.group(1)).isNull();
            }
        }
        return rules;
    }

    @Test
    void everyRuleIsInTheTableWithWhatDecidesItAndWhatProvesIt() throws IOException {
        Map<String, Rule> table = table();
        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(ids());
        table.values().forEach(rule -> {
            assertThat(NAME.matcher(rule.decidedBy()).find()).as(rule.id() + " decided by").isTrue();
            assertThat(NAME.matcher(rule.provedBy()).find()).as(rule.id() + " proved by").isTrue();
        });
    }

    @Test
    void everyClassAndMethodNamedExists() throws IOException {
        Map<String, List<Path>> sources = sources();
        List<String> missing = new ArrayList<>();
        for (Rule rule : table().values()) {
            Matcher name = NAME.matcher(rule.decidedBy());
            while (name.find()) {
                List<Path> files = sources.getOrDefault(name.group(1), List.of());
                if (files.isEmpty()) {
                    missing.add(rule.id() + ": no class " + name.group(1));
                } else if (name.group(2) != null && files.stream().noneMatch(file ->
                        read(file).contains(" " + name.group(2) + "("))) {
                    missing.add(rule.id() + ": no method " + name.group(1) + "." + name.group(2));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyTestNamedCitesItsRule() throws IOException {
        Map<String, List<Path>> sources = sources();
        List<String> wrong = new ArrayList<>();
        for (Rule rule : table().values()) {
            // "// R5", "(R5, R6)" or a test method named r5_…
            Pattern cited = Pattern.compile("(?<![A-Za-z0-9])(" + rule.id() + "(?![A-Za-z0-9])|"
                    + rule.id().toLowerCase() + "_)");
            Matcher name = NAME.matcher(rule.provedBy());
            while (name.find()) {
                List<Path> files = sources.getOrDefault(name.group(1), List.of()).stream()
                        .filter(file -> file.toString().contains("/src/test/")).toList();
                if (files.isEmpty()) {
                    wrong.add(rule.id() + ": no test " + name.group(1));
                } else if (files.stream().noneMatch(file -> cited.matcher(read(file)).find())) {
                    wrong.add(rule.id() + ": " + name.group(1) + " does not cite it");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noDocumentLinksOutOfTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path doc : files.filter(f -> f.toString().endsWith(".md")).filter(RulesTableTest::ours).toList()) {
                Matcher link = LINK.matcher(read(doc));
                while (link.find()) {
                    String target = link.group(1).replaceAll("#.*", "");
                    if (target.isEmpty() || target.matches("^[a-z]+:.*")) {
                        continue; // an anchor in the page, or a web address
                    }
                    Path resolved = doc.getParent().resolve(target).normalize();
                    if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                        broken.add(ROOT.relativize(doc) + " -> " + link.group(1));
                    }
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    /** Java sources of every module, main and test, by simple class name. */
    private static Map<String, List<Path>> sources() throws IOException {
        Map<String, List<Path>> byName = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(f -> f.toString().endsWith(".java")).filter(RulesTableTest::ours)
                    .filter(f -> f.toString().contains("/src/main/java/") || f.toString().contains("/src/test/java/"))
                    .forEach(f -> byName.computeIfAbsent(f.getFileName().toString().replace(".java", ""),
                            n -> new ArrayList<>()).add(f));
        }
        return byName;
    }

    /** The repository's own files: not build output, not tool caches. */
    private static boolean ours(Path file) {
        Path relative = ROOT.relativize(file);
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
