package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.TransferServiceApplication;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRequested;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The system on a Docker host's containers, the images docker-compose.yml runs: Apache Kafka and Apicurio
 * Registry. Reported as skipped where there is no Docker (as on the build machine); the rest of the build runs
 * against the embedded broker and the registry bundle from Maven Central. Own surefire execution (tag
 * {@code containers}): its service is bound to the containers' registry, not to the other tests' one.
 */
@Tag("containers")
@Testcontainers(disabledWithoutDocker = true)
class DockerHostTest {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.2.1");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>("apicurio/apicurio-registry:3.3.3")
            .withExposedPorts(8080).waitingFor(Wait.forHttp("/apis/ccompat/v7/subjects").forStatusCode(200));

    // X2, T2: a request published on the container broker is decided, and the outcome is in the registry's format
    @Test
    void transferServiceDecidesARequestOnTheContainers() throws Exception {
        String registry = "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8080) + "/apis/ccompat/v7";
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(TransferServiceApplication.class)
                .run("--spring.kafka.bootstrap-servers=" + KAFKA.getBootstrapServers(),
                        "--channelhub.schema-registry.url=" + registry,
                        "--spring.kafka.streams.state-dir=" + Files.createTempDirectory("docker-host-test"),
                        "--server.port=0", "--channelhub.approvals.key=" + SystemUnderTest.APPROVAL_KEY);
                KafkaTestClient kafka = new KafkaTestClient(KAFKA.getBootstrapServers())) {
            kafka.send(Topics.DIRECTORY_EVENTS, "isv:D-ISV", new IsvRegistered(meta(), "D-ISV", "Docker ISV",
                    "partners@d-isv.example", true));
            for (String account : new String[] {"D-1", "D-2"}) {
                kafka.send(Topics.DIRECTORY_EVENTS, "account:" + account, new BillingAccountRegistered(meta(),
                        account, "C-" + account, "Customer " + account, "billing@" + account + ".example", null, null));
            }
            kafka.send(Topics.ENTITLEMENTS_EVENTS, "D-E", new EntitlementActivated(meta(), "D-E", "O-D", "D-ISV",
                    "D-1"));
            kafka.await(io.channelhub.platform.streams.ReferenceTable.tableTopic("transfer-service",
                    Topics.DIRECTORY_EVENTS), BillingAccountRegistered.class, a -> a.getBillingAccountId()
                    .equals("D-2"), 1, Duration.ofSeconds(60));
            kafka.send(Topics.TRANSFERS_COMMANDS, "D-E", TransferRequested.newBuilder().setMeta(meta())
                    .setCustomerCompanyName("Customer D-1").setEntitlementId("D-E").setOfferId("O-D")
                    .setCurrentBillingAccountId("D-1").setTargetBillingAccountId("D-2").setContactName("Dee")
                    .setContactEmail("dee@d-isv.example").build());

            assertThat(kafka.await(Topics.TRANSFERS_EVENTS, TransferOpened.class,
                    opened -> opened.getDetails().getEntitlementId().equals("D-E"), 1, Duration.ofSeconds(90)))
                    .hasSize(1);
            assertThat(kafka.readAll(Topics.TRANSFERS_EVENTS)).allSatisfy(r -> assertThat(r.value()[0]).isZero());
        }
    }

    private static EventMeta meta() {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setProducer("docker-host-test").build();
    }
}
