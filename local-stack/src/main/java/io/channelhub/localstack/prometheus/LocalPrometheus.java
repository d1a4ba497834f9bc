package io.channelhub.localstack.prometheus;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A Prometheus process (the binary installed on this machine, e.g. the Debian package {@code prometheus}) scraping
 * services on localhost with the project's configuration: {@code ops/prometheus/prometheus.yml}'s jobs with the
 * local ports as targets, and its rules ({@code alerts.yml}, the file itself, not a copy). The local stack's
 * {@code --prometheus} starts one; system-tests' LivePrometheusTest evaluates the dashboards and alerts on one.
 */
public final class LocalPrometheus implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final String url;
    private final Path log;

    private LocalPrometheus(Process process, String url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** An executable of this name on the PATH ({@code prometheus}, {@code promtool}). */
    public static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Writes the configuration into {@code dataDir} and starts Prometheus on {@code 127.0.0.1:port}, its database in
     * {@code dataDir/tsdb}, its output in {@code dataDir/prometheus.log}; returns once it answers ready.
     *
     * @param opsPrometheus the project's {@code ops/prometheus} directory
     * @param servicePorts each job of prometheus.yml (a service name) to the local ports of its instances
     */
    public static LocalPrometheus start(Path binary, Path opsPrometheus, Map<String, List<Integer>> servicePorts,
            Duration scrapeInterval, int port, Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("prometheus.yml");
            Files.writeString(config, config(opsPrometheus, servicePorts, scrapeInterval));
            Path log = dataDir.resolve("prometheus.log");
            Process process = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                    "--storage.tsdb.path=" + dataDir.resolve("tsdb"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            LocalPrometheus prometheus = new LocalPrometheus(process, "http://127.0.0.1:" + port, log);
            prometheus.awaitReady();
            return prometheus;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + binary, e);
        }
    }

    /**
     * prometheus.yml with the given scrape and evaluation interval, its rule files as absolute paths and each job's
     * targets replaced by {@code localhost:<port>} of each instance. Every job must have a port: a job added to
     * prometheus.yml without a local service fails here rather than showing as down.
     */
    static String config(Path opsPrometheus, Map<String, List<Integer>> servicePorts, Duration scrapeInterval)
            throws IOException {
        Map<String, Object> config;
        try (Reader in = Files.newBufferedReader(opsPrometheus.resolve("prometheus.yml"))) {
            config = new Yaml().load(in);
        }
        Map<String, Object> global = new LinkedHashMap<>(map(config.get("global")));
        global.put("scrape_interval", scrapeInterval.toMillis() + "ms");
        global.put("evaluation_interval", scrapeInterval.toMillis() + "ms");
        config.put("global", global);
        List<String> rules = new ArrayList<>();
        for (Object file : (List<?>) config.get("rule_files")) {
            rules.add(opsPrometheus.resolve(String.valueOf(file)).toAbsolutePath().normalize().toString());
        }
        config.put("rule_files", rules);
        for (Object entry : (List<?>) config.get("scrape_configs")) {
            Map<String, Object> job = map(entry);
            List<Integer> ports = servicePorts.get(String.valueOf(job.get("job_name")));
            if (ports == null || ports.isEmpty()) {
                throw new IllegalArgumentException("no local port for job " + job.get("job_name") + " of "
                        + opsPrometheus.resolve("prometheus.yml") + " (have " + servicePorts.keySet() + ")");
            }
            job.put("static_configs", List.of(Map.of("targets", ports.stream().map(port -> "localhost:" + port)
                    .toList())));
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return "# Written by the local stack from " + opsPrometheus.resolve("prometheus.yml") + "\n"
                + new Yaml(options).dump(config);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Prometheus exited with " + process.exitValue() + ": " + tail());
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        close();
        throw new IllegalStateException("Prometheus not ready after " + READY_TIMEOUT.toSeconds() + " s: " + tail());
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The end of its output, for error messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no output in " + log + ")";
        }
    }

    /** The web UI and query API, e.g. {@code http://127.0.0.1:9090}. */
    public String url() {
        return url;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
