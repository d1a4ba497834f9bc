package io.channelhub.transfer.web;

import static io.channelhub.transfer.web.ApprovalLinkEndpointTest.assertProblem;
import static io.channelhub.transfer.web.TestTransfers.json;
import static io.channelhub.transfer.web.TestTransfers.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.channelhub.platform.streams.StreamsRunner;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.Problems;
import io.channelhub.transfer.TransferServiceApplication;
import io.channelhub.transfer.stream.TransferTopology;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * T9 across instances: two instances of the service in one JVM, one Streams application, partitions split
 * between them. Everything is asked of instance A only; A answers from its stores or from B's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryForwardingTest {

    // its own application id: the other test classes' instance (cached by Spring) must not join this group
    private static final String APPLICATION_ID = "channelhub-transfer-service-forwarding-test";
    private static final int PORT_A = freePort();
    private static final int PORT_B = freePort();
    private static ConfigurableApplicationContext instanceA;
    private static ConfigurableApplicationContext instanceB;
    private static TestTransfers transfers;

    @BeforeAll
    static void twoInstances() {
        instanceA = start(PORT_A);
        instanceB = start(PORT_B);
        await().atMost(Duration.ofSeconds(90)).until(QueryForwardingTest::partitionsSplit);
        transfers = new TestTransfers(PORT_A).withDirectory();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {transfers, instanceB, instanceA}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // T9: by entitlement (metadata names the owner) and by transfer id (the others are asked), all through A
    @Order(1)
    @Test
    void everyTransferIsAnsweredByOneInstanceWhicheverInstanceHoldsIt() {
        List<String> onA = entitlementsOwnedBy(PORT_A, "E-A", 2);
        List<String> onB = entitlementsOwnedBy(PORT_B, "E-B", 2);
        List<TransferView> opened = new ArrayList<>();
        for (String entitlementId : concat(onA, onB)) {
            opened.add(transfers.open(entitlementId));
        }

        for (TransferView view : opened) {
            boolean heldByB = onB.contains(view.entitlementId());
            HttpResponse<String> byEntitlement = transfers.get("/transfers?entitlementId=" + view.entitlementId());
            HttpResponse<String> byId = transfers.get("/transfers/" + view.transferId());
            for (HttpResponse<String> answer : List.of(byEntitlement, byId)) {
                assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(200);
                assertThat(json(answer).get("transferId").asString()).isEqualTo(view.transferId());
                assertThat(answer.headers().firstValue(PeerForwarder.ANSWERED_BY_HEADER))
                        .isEqualTo(heldByB ? Optional.of("localhost:" + PORT_B) : Optional.empty());
            }
        }

        // T5: a link posted to A for a transfer held by B is recorded by B
        TransferView held = opened.get(opened.size() - 1);
        HttpResponse<String> submitted = transfers.postJson("/approvals/" + token(held, "ISV", "APPROVE"));
        assertThat(submitted.statusCode()).isEqualTo(202);
        assertThat(submitted.headers().firstValue(PeerForwarder.ANSWERED_BY_HEADER)).hasValue("localhost:" + PORT_B);
        assertThat(transfers.await(held.entitlementId(), v -> v.approved().contains("ISV")).pending())
                .doesNotContain("ISV");
    }

    // T9: the instance that holds the data is up for Kafka but unreachable over HTTP: say so, don't guess
    @Order(2)
    @Test
    void whenTheInstanceHoldingTheTransferCannotBeReachedTheAnswerSaysSo() {
        TransferView onB = transfers.open(entitlementsOwnedBy(PORT_B, "E-DOWN", 1).get(0));
        TransferView onA = transfers.open(entitlementsOwnedBy(PORT_A, "E-UP", 1).get(0));

        ((WebServerApplicationContext) instanceB).getWebServer().stop();

        HttpResponse<String> byEntitlement = transfers.get("/transfers?entitlementId=" + onB.entitlementId());
        assertProblem(byEntitlement, 503, "INSTANCE_UNREACHABLE");
        assertThat(byEntitlement.headers().firstValue("Retry-After")).hasValue(Problems.RETRY_AFTER_SECONDS);
        assertThat(json(byEntitlement).get("detail").asString())
                .contains("another instance", "localhost:" + PORT_B, "cannot be reached");
        HttpResponse<String> byId = transfers.get("/transfers/" + onB.transferId());
        assertProblem(byId, 503, "INSTANCE_UNREACHABLE");
        assertThat(json(byId).get("detail").asString()).contains("localhost:" + PORT_B);
        assertThat(transfers.get("/transfers/" + onA.transferId()).statusCode()).isEqualTo(200);
    }

    private static ConfigurableApplicationContext start(int port) {
        // arguments, not builder properties: the service's own defaults would override those (D-3)
        return new SpringApplicationBuilder(TransferServiceApplication.class).run("--server.port=" + port,
                "--spring.kafka.streams.properties.application.server=localhost:" + port,
                "--spring.kafka.streams.application-id=" + APPLICATION_ID);
    }

    private static KafkaStreams streams(ConfigurableApplicationContext instance) {
        return instance.getBean(StreamsRunner.class).streams();
    }

    private static boolean partitionsSplit() {
        if (streams(instanceA).state() != KafkaStreams.State.RUNNING
                || streams(instanceB).state() != KafkaStreams.State.RUNNING) {
            return false;
        }
        Collection<StreamsMetadata> clients = streams(instanceA).metadataForAllStreamsClients();
        return clients.size() == 2 && clients.stream().allMatch(c -> !c.topicPartitions().isEmpty());
    }

    /** Fresh entitlement ids whose transfers the given instance holds, as Streams' metadata assigns them. */
    private static List<String> entitlementsOwnedBy(int port, String prefix, int count) {
        List<String> owned = new ArrayList<>();
        for (int i = 0; owned.size() < count; i++) {
            String candidate = transfers.id(prefix + "-" + i);
            if (streams(instanceA).queryMetadataForKey(TransferTopology.TRANSFERS_STORE, candidate,
                    new StringSerializer()).activeHost().port() == port) {
                owned.add(candidate);
            }
        }
        return owned;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
