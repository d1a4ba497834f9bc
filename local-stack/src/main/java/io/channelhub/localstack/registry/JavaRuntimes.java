package io.channelhub.localstack.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a Java runtime of at least a given version for a process that needs a newer Java than the build's (the
 * schema registry needs 21): this JVM when it is new enough, else {@code $CHANNELHUB_REGISTRY_JAVA_HOME}, else
 * {@code $JAVA_HOME}, else the newest JDK in the usual install directories.
 */
public final class JavaRuntimes {

    public static final String ENV = "CHANNELHUB_REGISTRY_JAVA_HOME";
    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"?(\\d+)", Pattern.MULTILINE);
    private static final List<Path> INSTALL_DIRS = List.of(Path.of("/usr/lib/jvm"),
            Path.of("/Library/Java/JavaVirtualMachines"), Path.of(System.getProperty("user.home"), ".sdkman",
                    "candidates", "java"));

    private JavaRuntimes() {
    }

    /** The {@code java} executable of a runtime of at least {@code feature}, or a message saying what to install. */
    public static Path java(int feature) {
        if (Runtime.version().feature() >= feature) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv(ENV)).map(Path::of).ifPresent(candidates::add);
        Optional.ofNullable(System.getenv("JAVA_HOME")).map(Path::of).ifPresent(candidates::add);
        return candidates.stream().filter(home -> version(home) >= feature).findFirst()
                .or(() -> installed().filter(home -> version(home) >= feature)
                        .max(Comparator.comparingInt(JavaRuntimes::version)))
                .map(home -> home.resolve("bin").resolve("java"))
                .orElseThrow(() -> new IllegalStateException("The schema registry (Apicurio Registry 3) needs Java "
                        + feature + " or newer, and none was found (this JVM is " + Runtime.version().feature()
                        + "; looked at $" + ENV + ", $JAVA_HOME and " + INSTALL_DIRS + "). Install a JDK " + feature
                        + "+ (e.g. Debian: apt-get install openjdk-21-jre-headless) or point $" + ENV + " at one."));
    }

    private static Stream<Path> installed() {
        return INSTALL_DIRS.stream().filter(Files::isDirectory).flatMap(dir -> {
            try (Stream<Path> homes = Files.list(dir)) {
                return homes.map(home -> Files.isDirectory(home.resolve("Contents/Home"))
                        ? home.resolve("Contents/Home") : home).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The feature version in a runtime's {@code release} file; 0 when it is not a runtime. */
    static int version(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            return 0;
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
