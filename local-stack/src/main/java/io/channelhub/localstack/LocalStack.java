package io.channelhub.localstack;

import com.icegreen.greenmail.util.GreenMail;
import io.channelhub.localstack.broker.KraftBroker;
import io.channelhub.localstack.demo.DemoScenario;
import io.channelhub.localstack.demo.DemoSummary;
import io.channelhub.localstack.mail.MailViewer;
import io.channelhub.localstack.mail.SmtpServer;
import io.channelhub.localstack.prometheus.LocalPrometheus;
import io.channelhub.localstack.registry.LocalRegistry;
import io.channelhub.localstack.services.HealthCheck;
import io.channelhub.localstack.services.RunningService;
import io.channelhub.localstack.services.Services;
import io.channelhub.schemas.registry.ConfluentRegistryClient;
import io.channelhub.schemas.serde.EventWire;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The whole system for a developer's machine: a KRaft broker, the schema registry (a child process), an SMTP
 * server with a mail viewer, the four services with their clock tickers (in this JVM), and optionally the demo
 * scenario. Runs until Ctrl-C.
 */
@Command(name = "local-stack", sortOptions = false, subcommands = TokenCommand.class,
        description = "Runs Kafka (KRaft), the schema registry, SMTP + mail viewer and the four Channel Hub services.")
public final class LocalStack implements Callable<Integer> {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(5);
    /** run-local-stack.sh starts the stack in the repository's root. */
    private static final Path OPS_PROMETHEUS = Path.of("ops", "prometheus");
    private static final String DEFAULT_DATA_DIR = ".local-stack";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    boolean help;

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka listener port (default: ${DEFAULT-VALUE})")
    int kafkaPort;

    @Option(names = "--smtp-port", defaultValue = "3025", description = "SMTP port (default: ${DEFAULT-VALUE})")
    int smtpPort;

    @Option(names = "--mail-viewer-port", defaultValue = "8025", description = "Mail viewer port (default: ${DEFAULT-VALUE})")
    int mailViewerPort;

    @Option(names = "--registry-port", defaultValue = "8085",
            description = "Schema registry port, its Confluent API under /apis/ccompat/v7 (default: ${DEFAULT-VALUE})")
    int registryPort;

    @Option(names = "--port-offset", defaultValue = "0", description = "Added to every port the stack listens on "
            + "(Kafka, SMTP, mail viewer, Prometheus, every service), so a second stack runs beside the first: "
            + "e.g. 1000, with its own --data-dir (default: ${DEFAULT-VALUE})")
    int portOffset;

    @Option(names = "--data-dir", description = "Broker logs and Streams state, kept across restarts (default: "
            + DEFAULT_DATA_DIR + ", or " + DEFAULT_DATA_DIR + "-<offset> with --port-offset)")
    Path dataDir;

    @Option(names = "--wipe", description = "Delete the data directory first: start from an empty system")
    boolean wipe;

    @Option(names = "--demo", description = "Publish the demo scenario once everything is up")
    boolean demo;

    @Option(names = "--tick-period", defaultValue = "PT5S",
            description = "How often each service's clock ticks, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration tickPeriod;

    @Option(names = "--instances", defaultValue = "1",
            description = "Instances of each service, sharing its partitions; instance n listens on the first's "
                    + "port + 100 x (n - 1) (default: ${DEFAULT-VALUE})")
    int instances;

    @Option(names = "--prometheus", description = "Also start Prometheus (the prometheus binary on the PATH, e.g. "
            + "Debian's package) scraping the services every 5 s with ops/prometheus's configuration and alerts")
    boolean prometheus;

    @Option(names = "--prometheus-port", defaultValue = "9090",
            description = "Prometheus's port with --prometheus (default: ${DEFAULT-VALUE})")
    int prometheusPort;

    @Option(names = "--verbose",
            description = "Also print the broker's, SMTP server's and services' logs here; they always go to "
                    + "<data-dir>/logs/local-stack.log")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final PrintStream out = System.out;
    /** Made once logging points at the data directory: its logger is the first, and logback opens its file then. */
    private ShutdownSequence shutdown;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LocalStack()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        StackPorts ports = ports();
        DataDirectory data = DataDirectory.prepare(dataDir(), wipe);
        logTo(data.logFile());
        shutdown = new ShutdownSequence();
        for (StackPorts.Port port : ports.listed(prometheus)) {
            Ports.requireFree(port.number(), port.what(), port.option());
        }
        // also stops whatever started when a later step fails: main() exits, and exiting runs the hook
        Runtime.getRuntime().addShutdownHook(new Thread(shutdown::run, "local-stack-shutdown"));
        long brokerStart = System.nanoTime();
        KraftBroker broker = KraftBroker.start(data.kafka(), ports.kafka(), Ports.free());
        shutdown.add("Kafka broker", broker);
        out.printf("Kafka broker (KRaft) up at %s in %.1f s%n", broker.bootstrapServers(), seconds(brokerStart));
        LocalRegistry registry = startRegistry(broker, ports, data);

        GreenMail greenMail = SmtpServer.start(ports.smtp());
        shutdown.add("SMTP server", greenMail::stop);
        MailViewer viewer = MailViewer.start(greenMail, ports.mailViewer());
        shutdown.add("mail viewer", viewer);

        List<RunningService> services = Services.start(
                new Services.Settings(broker.bootstrapServers(), ports.smtp(), data, tickPeriod, ports.services()),
                service -> shutdown.add(service.name(), service.context()));
        List<String> notUp = HealthCheck.awaitUp(services, HEALTH_TIMEOUT);
        Optional<String> prometheusUrl = prometheus ? startPrometheus(data, ports) : Optional.empty();
        printSummary(broker, registry, viewer, ports, services, data, notUp, prometheusUrl, seconds(start));

        if (demo) {
            playDemo(broker, greenMail, viewer, ports, data);
        }
        new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops everything
        return 0;
    }

    /**
     * The schema registry, its schemas kept on the stack's broker so ids survive restarts; every serde of this JVM
     * (the services, the demo) is bound to it, and the services register the event schemas as they start.
     */
    private LocalRegistry startRegistry(KraftBroker broker, StackPorts ports, DataDirectory data) {
        long registryStart = System.nanoTime();
        LocalRegistry registry = LocalRegistry.start(LocalRegistry.home(), ports.registry(),
                Optional.of(broker.bootstrapServers()), data.root().resolve("logs").resolve("schema-registry.log"));
        shutdown.add("schema registry", registry);
        EventWire.use(new ConfluentRegistryClient(registry.url()));
        out.printf("Schema registry (Apicurio) up at %s in %.1f s%n", registry.url(), seconds(registryStart));
        return registry;
    }

    /**
     * Prometheus on the services' ports, with the project's rules: the queries the dashboards use, without Docker.
     * Missing binary or configuration: said, and the stack runs without it.
     */
    private Optional<String> startPrometheus(DataDirectory data, StackPorts ports) {
        Optional<Path> binary = LocalPrometheus.onPath("prometheus");
        if (binary.isEmpty()) {
            out.println("--prometheus: no prometheus on the PATH; install it (Debian/Ubuntu: sudo apt-get install "
                    + "prometheus, see README.md) or download it from https://prometheus.io/download/. "
                    + "Running without it.");
            return Optional.empty();
        }
        if (!Files.isRegularFile(OPS_PROMETHEUS.resolve("prometheus.yml"))) {
            out.println("--prometheus: no " + OPS_PROMETHEUS.resolve("prometheus.yml") + " here; start the stack "
                    + "from the repository's root (run-local-stack.sh does). Running without Prometheus.");
            return Optional.empty();
        }
        LocalPrometheus running = LocalPrometheus.start(binary.get(), OPS_PROMETHEUS, scrapeTargets(ports),
                SCRAPE_INTERVAL, ports.prometheus(), data.root().resolve("prometheus"));
        shutdown.add("Prometheus", running);
        return Optional.of(running.url());
    }

    /** Each service's instances' ports: one Prometheus job per service, as in prometheus.yml. */
    private static Map<String, List<Integer>> scrapeTargets(StackPorts ports) {
        Map<String, List<Integer>> targets = new LinkedHashMap<>();
        ports.firstInstances().keySet().forEach(service -> targets.put(service, new ArrayList<>()));
        ports.services().forEach((instance, port) -> targets.get(instance.replaceFirst("-\\d+$", ""))
                .add(port));
        return targets;
    }

    /** Read by logback.xml when logging starts, which is after this: nothing has logged yet. */
    private void logTo(Path logFile) {
        System.setProperty("channelhub.local-stack.log-file", logFile.toString());
        System.setProperty("channelhub.local-stack.console-log-level", verbose ? "ALL" : "OFF");
    }

    /** A failed demo is reported, not fatal: the stack stays up to look around or publish by hand. */
    private void playDemo(KraftBroker broker, GreenMail greenMail, MailViewer viewer, StackPorts ports,
            DataDirectory data) throws InterruptedException {
        try {
            new DemoScenario(broker.bootstrapServers(), greenMail, out, verbose)
                    .play(demoLinks(viewer.url(), ports.firstInstances(), dataDir(), data));
        } catch (RuntimeException e) {
            out.println("Demo failed: " + e);
        }
    }

    /**
     * What the demo's summary links to, for a stack whose data directory was given as {@code dataDir}: the token
     * command as pasted from the project's directory names that directory unless it is the default.
     */
    static DemoSummary.Links demoLinks(String mailViewerUrl, Map<String, Integer> servicePorts, Path dataDir,
            DataDirectory data) {
        String tokenCommand = "./run-local-stack.sh token"
                + (dataDir.equals(Path.of(DEFAULT_DATA_DIR)) ? "" : " --data-dir " + dataDir);
        return new DemoSummary.Links(mailViewerUrl, servicePorts, tokenCommand, data.logFile());
    }

    /** A second stack (with a port offset) has data of its own unless told otherwise: one broker per log. */
    Path dataDir() {
        if (dataDir != null) {
            return dataDir;
        }
        return Path.of(portOffset == 0 ? DEFAULT_DATA_DIR : DEFAULT_DATA_DIR + "-" + portOffset);
    }

    /** The options' ports shifted by the offset; an offset that cannot be is a usage error, said before anything. */
    StackPorts ports() {
        try {
            return StackPorts.shifted(portOffset, kafkaPort, registryPort, smtpPort, mailViewerPort,
                    prometheusPort, instances);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void printSummary(KraftBroker broker, LocalRegistry registry, MailViewer viewer, StackPorts ports,
            List<RunningService> services, DataDirectory data, List<String> notUp, Optional<String> prometheusUrl, double seconds) {
        out.println();
        out.printf("Channel Hub local stack is up in %.1f s%n", seconds);
        out.printf("  %-22s %s%n", "Kafka bootstrap", broker.bootstrapServers());
        out.printf("  %-22s %s   (Confluent API; subjects: %s/subjects)%n", "Schema registry", registry.url(),
                registry.url());
        out.printf("  %-22s %s%n", "Mail viewer", viewer.url());
        out.printf("  %-22s localhost:%d%n", "SMTP", ports.smtp());
        for (RunningService service : services) {
            out.printf("  %-22s %s   %s%n", service.name(), service.url("/actuator/health"),
                    service.url("/actuator/prometheus"));
        }
        out.printf("  %-22s %s%n", "Data directory", data.root());
        out.printf("  %-22s %s%s%n", "Logs", data.logFile(), verbose ? "" : " (--verbose also prints them here)");
        out.printf("  %-22s every %s%n", "Clock ticks", tickPeriod);
        prometheusUrl.ifPresent(url -> out.printf("  %-22s %s   (alerts: %s/alerts, every %s s)%n", "Prometheus", url,
                url, SCRAPE_INTERVAL.toSeconds()));
        if (!notUp.isEmpty()) {
            out.println("  Not healthy after " + HEALTH_TIMEOUT.toSeconds() + " s: " + notUp
                    + " (see " + data.logFile() + " and their /actuator/health)");
        }
        out.println("Press Ctrl-C to stop.");
        out.println();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
