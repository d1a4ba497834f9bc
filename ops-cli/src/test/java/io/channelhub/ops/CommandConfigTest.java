package io.channelhub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.testing.SaslKafkaBroker;
import io.channelhub.schemas.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * --command-config: a Kafka properties file (TLS, SASL) applied to every client, against a broker that only
 * lets authenticated principals in (SCRAM-SHA-512, ACLs). Nothing secret from the file is ever printed.
 */
class CommandConfigTest {

    static final String USER = "channelhub-ops";
    static final String PASSWORD = "ops-" + UUID.randomUUID();
    static final String TOPIC = Topics.TRANSFERS_COMMANDS;

    static Path dir;
    static SaslKafkaBroker broker;

    @BeforeAll
    static void secureBroker() throws Exception {
        dir = Files.createTempDirectory("channelhub-ops-sasl");
        broker = SaslKafkaBroker.start(dir.resolve("broker"));
        broker.admin().createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        broker.addUser(USER, PASSWORD);
        // what publish and tail need: write and read the topic; no consumer group (they assign partitions)
        List<AclBinding> acls = new ArrayList<>();
        for (AclOperation operation : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE)) {
            acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
                    new AccessControlEntry("User:" + USER, "*", operation, AclPermissionType.ALLOW)));
        }
        broker.allow(acls);
    }

    @AfterAll
    static void close() {
        if (broker != null) {
            broker.close();
        }
        FileSystemUtils.deleteRecursively(dir.toFile());
    }

    @Test
    void publishAndTailConnectWithTheFilesSaslSettings() throws IOException {
        Path config = commandConfig(PASSWORD);
        String entitlementId = "E-" + UUID.randomUUID();

        Cli.Result published = Cli.run("publish", "--bootstrap-servers", broker.saslBootstrap(), "--command-config",
                config.toString(), "--topic", TOPIC, "--type", "TransferRequested", "--json",
                AvroJsonSamples.transferRequested(UUID.randomUUID().toString(), entitlementId));
        Cli.Result tailed = Cli.run("tail", "--bootstrap-servers", broker.saslBootstrap(), "--command-config",
                config.toString(), "--topic", TOPIC, "--timeout-ms", "2000");

        assertThat(published.exitCode()).as(published.err()).isZero();
        assertThat(published.out()).contains("key=" + entitlementId);
        assertThat(tailed.exitCode()).as(tailed.err()).isZero();
        assertThat(tailed.out()).contains("\"key\":\"" + entitlementId + "\"");
        assertThat(published.out() + published.err() + tailed.out() + tailed.err()).doesNotContain(PASSWORD);
    }

    @Test
    void aRefusedLoginFailsInOneLineWithoutThePassword() throws IOException {
        String wrong = "wrong-" + UUID.randomUUID();

        Cli.Result result = Cli.run("tail", "--bootstrap-servers", broker.saslBootstrap(), "--command-config",
                commandConfig(wrong).toString(), "--topic", TOPIC);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines()).singleElement().asString().startsWith("channelhub-ops tail: failed: ")
                .contains("Authentication failed");
        assertThat(result.out() + result.err()).doesNotContain(wrong);
    }

    @Test
    void aBrokenJaasConfigurationIsNotPrinted() throws IOException {
        String secret = "secret-" + UUID.randomUUID();
        Path config = dir.resolve("broken-" + UUID.randomUUID() + ".properties");
        Files.writeString(config, "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=SCRAM-SHA-512\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"x\" "
                + "password=\"" + secret + "\n");

        Cli.Result result = Cli.run("publish", "--bootstrap-servers", broker.saslBootstrap(), "--command-config",
                config.toString(), "--topic", TOPIC, "--type", "TransferRequested", "--json",
                AvroJsonSamples.transferRequested(UUID.randomUUID().toString(), "E-1"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out() + result.err()).doesNotContain(secret);
    }

    @Test
    void aMissingFileIsAUsageError() {
        Cli.Result result = Cli.run("tail", "--command-config", dir.resolve("nowhere.properties").toString(),
                "--topic", TOPIC);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--command-config", "nowhere.properties", "no such file");
    }

    @Test
    void theFileSaysHowToConnectAndTheToolWhatItsClientsGuarantee() throws IOException {
        Path config = dir.resolve("client-" + UUID.randomUUID() + ".properties");
        Files.writeString(config, "bootstrap.servers=elsewhere:9092\nsecurity.protocol=SSL\n"
                + "ssl.truststore.location=/etc/kafka/truststore.p12\nacks=0\nisolation.level=read_uncommitted\n");
        KafkaOptions options = new KafkaOptions();
        options.bootstrapServers = "kafka-1:9093";
        options.commandConfig = config;

        for (Map<String, Object> client : List.of(options.producerConfig("p"), options.consumerConfig("c"))) {
            assertThat(client).containsEntry("bootstrap.servers", "kafka-1:9093")
                    .containsEntry("security.protocol", "SSL")
                    .containsEntry("ssl.truststore.location", "/etc/kafka/truststore.p12");
        }
        assertThat(options.producerConfig("p")).containsEntry("acks", "all");
        assertThat(options.consumerConfig("c")).containsEntry("isolation.level", "read_committed");
    }

    @Test
    void theHelpNamesTheOptionAndItsEnvironmentVariable() {
        assertThat(Cli.run("--help").out()).contains("--command-config", KafkaOptions.ENV_COMMAND_CONFIG);
        assertThat(Cli.run("tail", "--help").out()).contains("--command-config=FILE", "security.protocol",
                KafkaOptions.ENV_COMMAND_CONFIG);
    }

    private static Path commandConfig(String password) throws IOException {
        Path file = dir.resolve("client-" + UUID.randomUUID() + ".properties");
        Files.writeString(file, "security.protocol=SASL_PLAINTEXT\n"
                + "sasl.mechanism=" + SaslKafkaBroker.MECHANISM + "\n"
                + "sasl.jaas.config=" + SaslKafkaBroker.jaasConfig(USER, password) + "\n");
        return file;
    }
}
