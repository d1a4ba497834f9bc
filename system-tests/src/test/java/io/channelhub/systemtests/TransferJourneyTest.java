package io.channelhub.systemtests;

import static io.channelhub.systemtests.SystemUnderTest.emailsAbout;
import static io.channelhub.systemtests.SystemUnderTest.recipient;
import static io.channelhub.systemtests.SystemUnderTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferConsentRefused;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import io.channelhub.transfer.event.TransferExpired;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRejected;
import io.channelhub.transfer.event.TransferRequested;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Transfers end to end on the real broker, the four services and a real SMTP server (T1–T8, N1–N2, X2): each of
 * the four kinds to completion through the approval links, a rejection, a non-party, a forged link, an expiry,
 * and finally a replay of every input topic that must change nothing.
 */
@ExtendWith(SystemUnderTest.class)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransferJourneyTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/approvals/([A-Za-z0-9_=-]+(?:\\.[A-Za-z0-9_=-]+)+)");
    private static final String ISV = "partners@j-isv.example";
    private static final String R1 = "sales@j-r1.example";
    private static final String R2 = "sales@j-r2.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaTestClient kafka;

    @BeforeAll
    static void directory() {
        kafka = SystemUnderTest.kafka();
        kafka.send(Topics.DIRECTORY_EVENTS, "isv:J-ISV", new IsvRegistered(meta(), "J-ISV", "Journey ISV", ISV, true));
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:J-R1", new ResellerRegistered(meta(), "J-R1", "Reseller One", R1,
                "IT", java.util.List.of(), null));
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:J-R2", new ResellerRegistered(meta(), "J-R2", "Reseller Two", R2,
                "PT", java.util.List.of(), null));
        for (String[] account : new String[][] {{"J-D1", null}, {"J-D2", null}, {"J-R1A", "J-R1"},
                {"J-R1B", "J-R1"}, {"J-R2A", "J-R2"}}) {
            kafka.send(Topics.DIRECTORY_EVENTS, "account:" + account[0], new BillingAccountRegistered(meta(),
                    account[0], "C-" + account[0], "Customer " + account[0], customer(account[0]), account[1], null));
        }
        Map<String, String> entitlements = Map.of("J-E-CBA", "J-D1", "J-E-R2D", "J-R1A", "J-E-D2R", "J-D2",
                "J-E-CR", "J-R1B", "J-E-REJ", "J-D1", "J-E-NP", "J-D1", "J-E-EXP", "J-D1");
        entitlements.forEach((entitlement, account) -> kafka.send(Topics.ENTITLEMENTS_EVENTS, entitlement,
                new EntitlementActivated(meta(), entitlement, "O-J", "J-ISV", account)));
        SystemUnderTest.awaitAccountsKnown("J-D1", "J-D2", "J-R1A", "J-R1B", "J-R2A");
    }

    static String customer(String account) {
        return "billing@" + account.toLowerCase() + ".example";
    }

    static EventMeta meta() {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setProducer("system-test").build();
    }

    static void request(String entitlement, String from, String to) {
        kafka.send(Topics.TRANSFERS_COMMANDS, entitlement, TransferRequested.newBuilder().setMeta(meta())
                .setCustomerCompanyName("Customer " + from).setEntitlementId(entitlement).setOfferId("O-J")
                .setCurrentBillingAccountId(from).setTargetBillingAccountId(to).setContactName("Dana")
                .setContactEmail("dana@journey-isv.example").build());
    }

    /** The approval-link tokens in an e-mail, by the decision their claim grants. */
    static Map<String, String> tokens(MimeMessage email) {
        Matcher links = LINK.matcher(text(email));
        Map<String, String> byDecision = new java.util.HashMap<>();
        while (links.find()) {
            String token = links.group(1);
            String decision = new String(Base64.getUrlDecoder().decode(token.split("\\.")[4]), StandardCharsets.UTF_8);
            byDecision.put(decision, token);
        }
        return byDecision;
    }

    static HttpResponse<String> post(String token) throws Exception {
        int port = SystemUnderTest.services().port("transfer-service");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/approvals/" + token))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static List<MimeMessage> consentRequests(String entitlement, int parties) {
        List<MimeMessage> emails = emailsAbout(entitlement, parties);
        assertThat(emails).as("consent requests for " + entitlement).hasSize(parties);
        return emails;
    }

    // T1, T2, T4, T5, T6: every kind, every party by its link, to completion
    @Order(1)
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CHANGE_BILLING_ACCOUNT, J-E-CBA, J-D1,  J-D2,  Change of billing account",
            "RESELLER_TO_DIRECT,     J-E-R2D, J-R1A, J-D1,  From reseller to direct",
            "DIRECT_TO_RESELLER,     J-E-D2R, J-D2,  J-R2A, From direct to reseller",
            "CHANGE_RESELLER,        J-E-CR,  J-R1B, J-R2A, Change of reseller"})
    void everyKindCompletesWhenEveryPartyApprovesByLink(String kind, String entitlement, String from, String to,
            String kindLabel) throws Exception {
        Set<String> parties = new java.util.TreeSet<>(Set.of(customer(from), ISV));
        String fromReseller = from.startsWith("J-R1") ? "J-R1" : null;
        String toReseller = to.startsWith("J-R2") ? "J-R2" : to.startsWith("J-R1") ? "J-R1" : null;
        if (fromReseller != null) {
            parties.add(R1);
        }
        if (toReseller != null && !toReseller.equals(fromReseller)) {
            parties.add(R2);
        }
        request(entitlement, from, to);

        List<MimeMessage> consent = consentRequests(entitlement, parties.size());
        assertThat(consent).extracting(SystemUnderTest::recipient).containsExactlyInAnyOrderElementsOf(parties);
        for (MimeMessage email : consent) {
            assertThat(text(email)).contains(kindLabel, entitlement, "O-J", from, to)
                    .contains(fromReseller == null ? "none (direct)" : fromReseller)
                    .contains(toReseller == null ? "none (direct)" : toReseller);
        }
        for (MimeMessage email : consent) {
            assertThat(post(tokens(email).get("APPROVE")).statusCode()).as(recipient(email)).isEqualTo(202);
        }

        // every party: its consent request and a confirmation; the ISV also "transfer completed"
        List<MimeMessage> all = emailsAbout(entitlement, 2 * parties.size() + 1);
        assertThat(all).hasSize(2 * parties.size() + 1);
        Map<String, Long> perRecipient = all.stream().collect(Collectors.groupingBy(SystemUnderTest::recipient,
                Collectors.counting()));
        parties.forEach(p -> assertThat(perRecipient.get(p)).as(p).isEqualTo(p.equals(ISV) ? 3L : 2L));
        EntitlementMoved moved = kafka.await(Topics.ENTITLEMENTS_EVENTS, EntitlementMoved.class,
                m -> m.getEntitlementId().equals(entitlement), 1, Duration.ofSeconds(30)).get(0);
        assertThat(moved.getFromBillingAccountId()).isEqualTo(from);
        assertThat(moved.getToBillingAccountId()).isEqualTo(to);
        assertThat(moved.getToResellerId()).isEqualTo(toReseller);
        assertThat(kafka.events(Topics.TRANSFERS_EVENTS, TransferOpened.class).stream()
                .filter(o -> o.getDetails().getEntitlementId().equals(entitlement)))
                .singleElement().satisfies(o -> assertThat(o.getDetails().getKind().name()).isEqualTo(kind));
    }

    // T5: one rejection ends it, and everyone is told
    @Order(2)
    @Test
    void oneRejectionByLinkEndsTheTransferForEveryone() throws Exception {
        request("J-E-REJ", "J-D1", "J-D2");
        MimeMessage customerRequest = consentRequests("J-E-REJ", 2).stream()
                .filter(m -> recipient(m).equals(customer("J-D1"))).findFirst().orElseThrow();

        assertThat(post(tokens(customerRequest).get("REJECT")).statusCode()).isEqualTo(202);

        kafka.await(Topics.TRANSFERS_EVENTS, TransferRejected.class,
                r -> r.getDetails().getEntitlementId().equals("J-E-REJ"), 1, Duration.ofSeconds(30));
        List<MimeMessage> told = emailsAbout("J-E-REJ", 5).stream()
                .filter(m -> SystemUnderTest.subject(m).startsWith("Transfer rejected")).toList();
        assertThat(told).extracting(SystemUnderTest::recipient)
                .containsExactlyInAnyOrder(customer("J-D1"), ISV, "dana@journey-isv.example");
    }

    // T5: a forged link and a non-party change nothing, and are counted
    @Order(3)
    @Test
    void aForgedLinkAndANonPartyAreRefusedAndCounted() throws Exception {
        request("J-E-NP", "J-D1", "J-D2");
        MimeMessage isvRequest = consentRequests("J-E-NP", 2).stream().filter(m -> recipient(m).equals(ISV))
                .findFirst().orElseThrow();
        String token = tokens(isvRequest).get("APPROVE");
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThat(post(forged).statusCode()).isEqualTo(403);

        String transferId = kafka.events(Topics.TRANSFERS_EVENTS, TransferOpened.class).stream()
                .filter(o -> o.getDetails().getEntitlementId().equals("J-E-NP")).findFirst().orElseThrow()
                .getDetails().getTransferId();
        kafka.send(Topics.TRANSFERS_COMMANDS, "J-E-NP", new TransferConsentSubmitted(meta(), transferId, "J-E-NP",
                PartyRole.ISV, "SOMEONE-ELSE", ConsentDecision.APPROVE, "upstream"));
        kafka.await(Topics.TRANSFERS_EVENTS, TransferConsentRefused.class,
                r -> r.getEntitlementId().equals("J-E-NP") && r.getCode().equals("NOT_A_PARTY"), 1,
                Duration.ofSeconds(30));

        String metrics = SystemUnderTest.services().get("transfer-service", "/actuator/prometheus").body();
        assertThat(metrics).containsPattern("channelhub_refusals_total\\{[^}]*reason=\"FORGED\"[^}]*\\} 1\\.0")
                .containsPattern("channelhub_refusals_total\\{[^}]*reason=\"NOT_A_PARTY\"[^}]*\\} 1\\.0");
        assertThat(emailsAbout("J-E-NP", 0)).hasSize(2);
    }

    // T8: consent does not wait forever
    @Order(4)
    @Test
    void anUnansweredTransferExpiresAndEveryoneIsTold() {
        request("J-E-EXP", "J-D1", "J-D2");
        consentRequests("J-E-EXP", 2);

        Instant later = Instant.now().plus(Duration.ofDays(15));
        // a tick on the entitlement's partition, as the ticker would send to every partition
        kafka.send(Topics.TRANSFERS_COMMANDS, "J-E-EXP", new ClockTicked(meta(), later));

        kafka.await(Topics.TRANSFERS_EVENTS, TransferExpired.class, e -> "J-E-EXP".equals(e.getEntitlementId()), 1,
                Duration.ofSeconds(30));
        List<MimeMessage> told = emailsAbout("J-E-EXP", 5).stream()
                .filter(m -> SystemUnderTest.subject(m).startsWith("Transfer expired")).toList();
        assertThat(told).extracting(SystemUnderTest::recipient)
                .containsExactlyInAnyOrder(customer("J-D1"), ISV, "dana@journey-isv.example");
    }

    // X2, N1: replaying every input topic from the start sends no e-mail and decides nothing new
    @Order(5)
    @Test
    void replayingEveryInputTopicChangesNothing() {
        SystemUnderTest.sleep(3000);
        int emailsBefore = SystemUnderTest.emails(m -> true, 0).size();
        Set<String> outcomesBefore = eventIds(Topics.TRANSFERS_EVENTS);
        Set<String> movesBefore = eventIds(Topics.ENTITLEMENTS_EVENTS);

        for (String topic : List.of(Topics.DIRECTORY_EVENTS, Topics.ENTITLEMENTS_EVENTS, Topics.TRANSFERS_COMMANDS,
                Topics.TRANSFERS_EVENTS)) {
            for (ConsumerRecord<String, byte[]> record : kafka.readAll(topic)) {
                kafka.sendRaw(topic, record.key(), record.value());
            }
        }
        SystemUnderTest.sleep(8000);

        assertThat(SystemUnderTest.emails(m -> true, 0)).hasSize(emailsBefore);
        assertThat(eventIds(Topics.TRANSFERS_EVENTS)).isEqualTo(outcomesBefore);
        assertThat(eventIds(Topics.ENTITLEMENTS_EVENTS)).isEqualTo(movesBefore);
    }

    private static Set<String> eventIds(String topic) {
        EventSerde serde = new EventSerde();
        return kafka.readAll(topic).stream().map(r -> {
            try {
                return Events.eventId(serde.decode(r.value()));
            } catch (RuntimeException e) {
                return "undecodable@" + r.offset();
            }
        }).collect(Collectors.toSet());
    }
}
