package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.security.PartyKind;
import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.streams.DeadLetters;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferRequested;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The walking skeleton end to end on real parts: a transfer request published on transfers.commands becomes a
 * TransferOpened naming every party, and each party receives its e-mail over SMTP.
 */
@ExtendWith(SystemUnderTest.class)
@Order(1)
class WalkingSkeletonTest {

    private static KafkaTestClient kafka;

    @BeforeAll
    static void directory() {
        kafka = SystemUnderTest.kafka();
        kafka.send(Topics.DIRECTORY_EVENTS, "isv:ISV-1", new IsvRegistered(meta(), "ISV-1", "Vendor Srl",
                "partners@vendor.example", true));
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:R-1", new ResellerRegistered(meta(), "R-1", "Rivenditore Uno",
                "sales@uno.example", "IT", java.util.List.of(), null));
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:R-2", new ResellerRegistered(meta(), "R-2", "Revenda Dois",
                "sales@dois.example", "PT", java.util.List.of(), null));
        kafka.send(Topics.DIRECTORY_EVENTS, "account:BA-1", new BillingAccountRegistered(meta(), "BA-1", "C-1",
                "PT Maju", "it@maju.example", "R-1", "Maju Jakarta"));
        kafka.send(Topics.DIRECTORY_EVENTS, "account:BA-2", new BillingAccountRegistered(meta(), "BA-2", "C-1",
                "PT Maju", "it@maju.example", "R-2", null));
        for (String entitlement : List.of("E-1", "E-2", "E-3", "E-4")) {
            kafka.send(Topics.ENTITLEMENTS_EVENTS, entitlement, new EntitlementActivated(meta(), entitlement, "O-1",
                    "ISV-1", "BA-1"));
        }
        SystemUnderTest.awaitAccountsKnown("BA-1", "BA-2");
    }

    static EventMeta meta() {
        return meta(UUID.randomUUID().toString());
    }

    static EventMeta meta(String id) {
        return EventMeta.newBuilder().setEventId(id).setOccurredAt(Instant.now()).setProducer("system-test").build();
    }

    static TransferRequested request(String eventId, String entitlementId) {
        return TransferRequested.newBuilder().setMeta(meta(eventId)).setCustomerCompanyName("PT Maju")
                .setEntitlementId(entitlementId).setOfferId("O-1").setCurrentBillingAccountId("BA-1")
                .setTargetBillingAccountId("BA-2").setContactName("Budi").setContactEmail("budi@maju.example").build();
    }

    @Test
    void aTransferRequestReachesEveryPartyByEmail() throws Exception {
        long published = System.nanoTime();
        kafka.send(Topics.TRANSFERS_COMMANDS, "E-1", request(UUID.randomUUID().toString(), "E-1"));

        List<MimeMessage> emails = SystemUnderTest.emailsAbout("E-1", 4);
        System.out.printf("[walking-skeleton] publish -> 4 e-mails in GreenMail: %d ms%n",
                (System.nanoTime() - published) / 1_000_000);

        assertThat(emails).extracting(m -> m.getAllRecipients()[0].toString()).containsExactlyInAnyOrder(
                "it@maju.example", "partners@vendor.example", "sales@uno.example", "sales@dois.example");
        for (MimeMessage email : emails) {
            String text = SystemUnderTest.text(email);
            // issue 23: an account with a display name is shown by it, one without (and the unlisted offer) by its id
            assertThat(text).contains("Change of reseller", "Offer:                 O-1",
                    "From billing account:  Maju Jakarta", "To billing account:    BA-2",
                    "From reseller:         Rivenditore Uno", "To reseller:           Revenda Dois",
                    "Reference: ", " \u00b7 entitlement E-1 \u00b7 offer O-1 \u00b7 billing accounts BA-1 \u2192 BA-2");
        }
    }

    // X1: garbage goes to the DLT with its original bytes; the partition moves on
    @Test
    void garbageLandsInTheDeadLetterTopicAndTheNextRequestIsStillProcessed() throws Exception {
        byte[] garbage = "not an event at all".getBytes(StandardCharsets.UTF_8);
        kafka.sendRaw(Topics.TRANSFERS_COMMANDS, "E-2", garbage);
        kafka.send(Topics.TRANSFERS_COMMANDS, "E-2", request(UUID.randomUUID().toString(), "E-2"));

        assertThat(SystemUnderTest.emailsAbout("E-2", 4)).hasSize(4);
        List<ConsumerRecord<String, byte[]>> dead = kafka.readAll(Topics.dlt(Topics.TRANSFERS_COMMANDS)).stream()
                .filter(r -> "E-2".equals(r.key())).toList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(garbage);
            assertThat(new String(r.headers().lastHeader(DeadLetters.HEADER_TOPIC).value(),
                    StandardCharsets.UTF_8)).isEqualTo(Topics.TRANSFERS_COMMANDS);
            assertThat(r.headers().lastHeader(DeadLetters.HEADER_OFFSET)).isNotNull();
            assertThat(r.headers().lastHeader(DeadLetters.HEADER_EXCEPTION)).isNotNull();
        });
    }

    // X2: the same request (same eventId) twice produces one set of e-mails
    @Test
    void theSameRequestTwiceSendsOneSetOfEmails() throws Exception {
        String eventId = UUID.randomUUID().toString();
        kafka.send(Topics.TRANSFERS_COMMANDS, "E-3", request(eventId, "E-3"));
        kafka.send(Topics.TRANSFERS_COMMANDS, "E-3", request(eventId, "E-3"));

        assertThat(SystemUnderTest.emailsAbout("E-3", 4)).hasSize(4);
        SystemUnderTest.sleep(3000);
        assertThat(SystemUnderTest.emailsAbout("E-3", 0)).hasSize(4);
    }

    // T3 through the whole chain: the contact is e-mailed what is missing
    @Test
    void anIncompleteRequestAsksTheContactForTheMissingDetails() throws Exception {
        kafka.send(Topics.TRANSFERS_COMMANDS, "E-4", TransferRequested.newBuilder(
                request(UUID.randomUUID().toString(), "E-4")).setOfferId(null).build());

        List<MimeMessage> emails = SystemUnderTest.emailsAbout("E-4", 1);
        assertThat(emails).singleElement().satisfies(m -> {
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("budi@maju.example");
            assertThat(SystemUnderTest.text(m)).contains("Please provide the offer ID.");
        });
        assertThat(kafka.events(Topics.TRANSFERS_EVENTS, TransferInfoRequested.class))
                .anySatisfy(i -> assertThat(i.getEntitlementId()).isEqualTo("E-4"));
    }

    // Every service answers health (to operators with its Streams state; issue 10: to probes the status only) and
    // exposes Prometheus metrics
    @Test
    void everyServiceReportsHealthWithStreamsStateAndPrometheusMetrics() throws Exception {
        for (String service : RunningSystem.SERVICES.keySet()) {
            var health = SystemUnderTest.services().get(service, "/actuator/health", PartyKind.OPERATOR, "ops-1");
            assertThat(health.statusCode()).as(service).isEqualTo(200);
            assertThat(health.body()).as(service).contains("\"kafkaStreams\"").contains("\"state\":\"RUNNING\"");
            var probe = SystemUnderTest.services().get(service, "/actuator/health");
            assertThat(probe.statusCode()).as(service).isEqualTo(200);
            assertThat(probe.body()).as(service).contains("\"status\":\"UP\"").doesNotContain("kafkaStreams");
            var metrics = SystemUnderTest.services().get(service, "/actuator/prometheus");
            assertThat(metrics.statusCode()).as(service).isEqualTo(200);
            assertThat(metrics.body()).as(service).contains("channelhub_dlt_records_total")
                    .contains("kafka_stream_");
        }
    }
}
