package io.channelhub.localstack.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one node), run in this JVM from the
 * Maven jars. Its log directory survives restarts: storage is formatted only the first time.
 */
public final class KraftBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;

    private KraftBroker(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Formats {@code logDir} if it holds no broker yet, then starts the broker.
     *
     * @param port the PLAINTEXT listener clients use
     * @param controllerPort the KRaft controller listener; only the node itself talks to it
     */
    public static KraftBroker start(Path logDir, int port, int controllerPort) {
        Properties props = properties(logDir, port, controllerPort);
        formatOnce(logDir, props);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new KraftBroker(server, port);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties properties(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        // one node: every internal topic must live with a single replica
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // fewer internal partitions than a production default: quicker first start on a laptop
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("group.initial.rebalance.delay.ms", "0");
        // services create their topics with the partition count co-partitioning needs; never guess one
        props.put("auto.create.topics.enable", "false");
        // upstream topics are the system of record here: keep them, so a wipe is the only way to lose history
        props.put("log.retention.ms", "-1");
        // demos and tests drive time forward with ticks; Kafka 4 rejects timestamps > 1 h ahead by default
        props.put("log.message.timestamp.after.max.ms", Long.toString(Long.MAX_VALUE));
        return props;
    }

    private static void formatOnce(Path logDir, Properties props) {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            Path config = logDir.resolveSibling(logDir.getFileName() + "-format.properties");
            try (Writer out = Files.newBufferedWriter(config)) {
                props.store(out, "written by local-stack to format the broker's storage");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
            Files.delete(config);
            if (status != 0) {
                throw new IllegalStateException("Formatting " + logDir + " failed: " + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
