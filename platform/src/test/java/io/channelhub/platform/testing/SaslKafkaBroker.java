package io.channelhub.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft broker with client authentication and authorization, run in this JVM: a SASL_PLAINTEXT
 * listener taking SCRAM-SHA-512 (the services' and tools' way in), where the StandardAuthorizer denies whatever no
 * ACL allows, and a PLAINTEXT listener for the test's own setup, whose anonymous principal is the super user
 * (creates users, ACLs, publishes, reads). Both listeners advertise localhost. Started in a few seconds; close it.
 */
public final class SaslKafkaBroker implements AutoCloseable {

    public static final String MECHANISM = "SCRAM-SHA-512";
    private static final Duration PROPAGATION = Duration.ofSeconds(15);

    private final KafkaRaftServer server;
    private final int plaintextPort;
    private final int saslPort;
    private final Admin admin;

    private SaslKafkaBroker(KafkaRaftServer server, int plaintextPort, int saslPort) {
        this.server = server;
        this.plaintextPort = plaintextPort;
        this.saslPort = saslPort;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrap()));
    }

    /** Formats a fresh log directory under {@code dir} and starts the broker on free ports. */
    public static SaslKafkaBroker start(Path dir) {
        int plaintext = freePort();
        int sasl = freePort();
        int controller = freePort();
        Properties props = properties(dir.resolve("logs"), plaintext, sasl, controller);
        format(dir, props);
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        return new SaslKafkaBroker(server, plaintext, sasl);
    }

    /** The setup listener: no authentication, every request allowed (super user {@code User:ANONYMOUS}). */
    public String plaintextBootstrap() {
        return "localhost:" + plaintextPort;
    }

    /** The listener clients authenticate on with SCRAM-SHA-512; ACLs decide what they may do. */
    public String saslBootstrap() {
        return "localhost:" + saslPort;
    }

    /** A super-user admin client on the setup listener; closed with the broker. */
    public Admin admin() {
        return admin;
    }

    /** Client settings of a SCRAM user on the SASL listener (bootstrap, security.protocol, sasl.*). */
    public Map<String, Object> clientSettings(String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, saslBootstrap());
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        settings.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password));
        return settings;
    }

    /** The client JAAS line of a SCRAM user. */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Adds (or replaces) a SCRAM-SHA-512 user and waits until the broker authenticates it. */
    public void addUser(String user, String password) {
        get(() -> admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get());
        await("SCRAM user " + user, () -> {
            try {
                return admin.describeUserScramCredentials(List.of(user)).all().get().containsKey(user);
            } catch (ExecutionException e) {
                return false; // not there yet: ResourceNotFoundException
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    /** Creates the ACLs and waits until the broker's authorizer has them all. */
    public void allow(Collection<AclBinding> acls) {
        get(() -> admin.createAcls(acls).all().get());
        await(acls.size() + " ACLs", () -> get(() -> admin.describeAcls(AclBindingFilter.ANY).values().get())
                .containsAll(acls));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        server.shutdown();
        server.awaitShutdown();
    }

    static Properties properties(Path logDir, int plaintextPort, int saslPort, int controllerPort) {
        Properties props = new Properties();
        // the settings of every test JVM's embedded broker (single node: internal topics with one replica)
        try (InputStream shared = SaslKafkaBroker.class.getResourceAsStream("/channelhub-embedded-broker.properties")) {
            props.load(shared);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + plaintextPort + ",SASL_PLAINTEXT://localhost:" + saslPort
                + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + plaintextPort + ",SASL_PLAINTEXT://localhost:"
                + saslPort);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map",
                "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        props.put("sasl.enabled.mechanisms", MECHANISM);
        props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("allow.everyone.if.no.acl.found", "false");
        // the setup listener and the node talking to its own controller are unauthenticated: ANONYMOUS
        props.put("super.users", "User:ANONYMOUS");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.num.partitions", "3");
        return props;
    }

    private static void format(Path dir, Properties props) {
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("format.properties");
            try (Writer out = Files.newBufferedWriter(config)) {
                props.store(out, "the SASL test broker");
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int status = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                    config.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
            if (status != 0) {
                throw new IllegalStateException("Formatting " + dir + " failed: "
                        + output.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + " not visible on the broker after " + PROPAGATION);
            }
            KafkaTestClient.sleep(50);
        }
    }

    private interface Call<T> {
        T call() throws InterruptedException, ExecutionException;
    }

    private static <T> T get(Call<T> call) {
        try {
            return call.call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
