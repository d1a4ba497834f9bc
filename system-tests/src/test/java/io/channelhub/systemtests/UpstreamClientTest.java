package io.channelhub.systemtests;

import static io.channelhub.systemtests.SystemUnderTest.emailsAbout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRequested;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Upstream systems on the real schema registry (issue 20): a client no one here wrote (Node.js with kafkajs and
 * {@code @kafkajs/confluent-schema-registry}) publishes a request and reads the outcome; records written before
 * the registry are processed next to new ones. First among the journeys: later ones move transfer-service's clock
 * years ahead, beyond the dedupe window of a request made now.
 */
@ExtendWith(SystemUnderTest.class)
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpstreamClientTest {

    private static final Path NODE_PROJECT = Path.of("src", "test", "node");
    private static final String ISV = "partners@w-isv.example";
    static final String LEGACY = "W-E-LEGACY";
    private static KafkaTestClient kafka;

    @BeforeAll
    static void directory() {
        kafka = SystemUnderTest.kafka();
        kafka.send(Topics.DIRECTORY_EVENTS, "isv:W-ISV", new IsvRegistered(meta(), "W-ISV", "Wire ISV", ISV, true));
        for (String account : List.of("W-D1", "W-D2")) {
            kafka.send(Topics.DIRECTORY_EVENTS, "account:" + account, new BillingAccountRegistered(meta(), account,
                    "C-" + account, "Customer " + account, customer(account), null, null));
        }
        for (String entitlement : List.of("W-E-NODE", LEGACY, "W-E-NEW")) {
            kafka.send(Topics.ENTITLEMENTS_EVENTS, entitlement,
                    new EntitlementActivated(meta(), entitlement, "O-W", "W-ISV", "W-D1"));
        }
        SystemUnderTest.awaitAccountsKnown("W-D1", "W-D2");
    }

    // X2, T2, T4: an upstream system's own Node.js client, speaking only the Confluent format
    @Test
    @Order(1)
    void aNodeClientPublishesARequestAndReadsTheOutcomeBack() throws Exception {
        Path project = nodeProject();
        Path log = project.resolve("node.log");
        Path output = project.resolve("node.out");
        // files, never this JVM's own stdout: surefire talks to its fork over it
        Process node = new ProcessBuilder("node", "request-transfer.mjs", KafkaTestClient.brokers(),
                TestRegistry.url(), "W-E-NODE", "W-D1", "W-D2", "O-W").directory(project.toFile())
                .redirectOutput(output.toFile()).redirectError(log.toFile()).start();
        boolean ended = node.waitFor(150, TimeUnit.SECONDS);
        if (!ended) {
            node.destroyForcibly();
        }
        String out = Files.readString(output);

        assertThat(ended).as("node ended: " + out + Files.readString(log)).isTrue();
        assertThat(node.exitValue()).as(out + Files.readString(log)).isZero();
        assertThat(out).contains("\"published\":\"TransferRequested\"")
                .contains("\"read\":\"io.channelhub.transfer.event.TransferOpened\"", "\"magicByte\":0",
                        "\"entitlementId\":\"W-E-NODE\"", "\"kind\":\"CHANGE_BILLING_ACCOUNT\"", ISV,
                        customer("W-D1"));
        assertThat(emailsAbout("W-E-NODE", 2)).extracting(SystemUnderTest::recipient)
                .containsExactlyInAnyOrder(ISV, customer("W-D1"));
    }

    // X2: an installation upgrades without migrating topics
    @Test
    @Order(2)
    void aTopicHoldingRecordsWrittenBeforeTheRegistryAndNewOnesIsProcessedCompletely() throws Exception {
        byte[] singleObject = new BinaryMessageEncoder<TransferRequested>(
                SpecificData.getForClass(TransferRequested.class), TransferRequested.getClassSchema())
                .encode(request(LEGACY)).array();
        assertThat(Arrays.copyOf(singleObject, 2)).containsExactly(0xC3, 0x01);
        kafka.sendRaw(Topics.TRANSFERS_COMMANDS, LEGACY, singleObject);
        kafka.send(Topics.TRANSFERS_COMMANDS, "W-E-NEW", request("W-E-NEW"));

        assertThat(kafka.await(Topics.TRANSFERS_EVENTS, TransferOpened.class,
                opened -> Set.of(LEGACY, "W-E-NEW").contains(opened.getDetails().getEntitlementId()), 2,
                Duration.ofSeconds(60))).hasSize(2);
        assertThat(emailsAbout(LEGACY, 2)).extracting(SystemUnderTest::recipient)
                .containsExactlyInAnyOrder(ISV, customer("W-D1"));
        assertThat(kafka.readAll(Topics.dlt(Topics.TRANSFERS_COMMANDS))).noneMatch(r -> LEGACY.equals(r.key()));
    }

    private static TransferRequested request(String entitlement) {
        return TransferRequested.newBuilder().setMeta(meta()).setCustomerCompanyName("Customer W-D1")
                .setEntitlementId(entitlement).setOfferId("O-W").setCurrentBillingAccountId("W-D1")
                .setTargetBillingAccountId("W-D2").setContactName("Wren").setContactEmail("wren@w-isv.example")
                .build();
    }

    /**
     * The client's project with its dependencies installed from the lockfile (npm ci), in target/ so the
     * sources stay clean. Skipped, saying so, where there is no Node.js.
     */
    private static Path nodeProject() throws IOException, InterruptedException {
        assumeTrue(onPath("node") && onPath("npm"), "Node.js and npm are not installed: the Node client test is "
                + "skipped (Debian: apt-get install nodejs npm)");
        Path project = Path.of("target", "node-client");
        Files.createDirectories(project);
        for (String file : List.of("package.json", "package-lock.json", "request-transfer.mjs")) {
            Files.copy(NODE_PROJECT.resolve(file), project.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(project.resolve("node_modules"))) {
            Path log = project.resolve("npm.log");
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm ci finished").isTrue();
            assertThat(npm.exitValue()).as(Files.readString(log)).isZero();
        }
        return project;
    }

    private static boolean onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    private static String customer(String account) {
        return "billing@" + account.toLowerCase() + ".example";
    }

    private static EventMeta meta() {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setProducer("system-test").build();
    }
}
