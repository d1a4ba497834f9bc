package io.channelhub.localstack.registry;

import io.channelhub.localstack.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Apicurio Registry 3 as a child process (Java 21+, found by {@link JavaRuntimes}), answering the Confluent Schema
 * Registry API that every Kafka client speaks at {@link #url()}. Its bundle comes from Maven Central like every
 * other dependency: the build unpacks {@code io.apicurio:apicurio-registry-app:tar.gz:all} and passes its
 * directory as {@code channelhub.apicurio.home}. Listens on loopback only. With a broker it keeps schemas in a
 * topic of that broker ({@code kafkasql}), so ids survive restarts; without one, in memory (tests).
 */
public final class LocalRegistry implements AutoCloseable {

    public static final String HOME_PROPERTY = "channelhub.apicurio.home";
    /** The Confluent-compatible API's root under the registry's address. */
    public static final String CONFLUENT_API = "/apis/ccompat/v7";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    private final Process process;
    private final String url;
    private final Path log;

    private LocalRegistry(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /**
     * The unpacked bundle, as the build left it: {@code channelhub.apicurio.home}, else {@code target/apicurio-registry}
     * of the module run from (a benchmark started with plain {@code java} from {@code bench/}).
     */
    public static Path home() {
        String configured = System.getProperty(HOME_PROPERTY);
        Path home = configured != null ? Path.of(configured) : Path.of("target", "apicurio-registry");
        if (!Files.isRegularFile(home.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("No Apicurio Registry bundle at " + home.toAbsolutePath() + " ("
                    + HOME_PROPERTY + "): build the module first (./mvnw -pl <module> -am package -DskipTests "
                    + "unpacks it)");
        }
        return home;
    }

    /**
     * Starts the registry on {@code 127.0.0.1:port} and returns once its API answers.
     *
     * @param kafkaBootstrap the broker to keep schemas on; empty: in memory
     * @param log where its output goes
     */
    public static LocalRegistry start(Path home, int port, Optional<String> kafkaBootstrap, Path log) {
        List<String> command = new ArrayList<>(List.of(JavaRuntimes.java(21).toString(), "-Xmx512m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                // health and metrics: loopback too, on a port nobody else wants
                "-Dquarkus.management.host=127.0.0.1", "-Dquarkus.management.port=" + Ports.free(),
                "-Dquarkus.log.console.format=%d{HH:mm:ss.SSS} %-5p [%c{2.}] %s%e%n",
                // the ccompat API answers the ids Confluent clients expect (one per distinct schema)
                "-Dapicurio.ccompat.legacy-id-mode.enabled=false"));
        kafkaBootstrap.ifPresent(bootstrap -> {
            command.add("-Dapicurio.storage.kind=kafkasql");
            command.add("-Dapicurio.kafkasql.bootstrap.servers=" + bootstrap);
        });
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            LocalRegistry registry = new LocalRegistry(process, "http://127.0.0.1:" + port + CONFLUENT_API, log);
            registry.awaitReady();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the schema registry from " + home, e);
        }
    }

    /** The Confluent API's root, what clients take as {@code schema.registry.url}. */
    public String url() {
        return url;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest subjects = HttpRequest.newBuilder(URI.create(url + "/subjects")).timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The schema registry exited with " + process.exitValue()
                        + "; see " + log);
            }
            try {
                if (http.send(subjects, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("Interrupted waiting for the schema registry", e);
            }
            pause();
        }
        close();
        throw new IllegalStateException("The schema registry did not answer within " + READY_TIMEOUT.toSeconds()
                + " s; see " + log);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, which Quarkus shuts down on cleanly; killed when it has not ended after 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
