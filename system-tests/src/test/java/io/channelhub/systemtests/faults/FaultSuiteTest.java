package io.channelhub.systemtests.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.notification.event.EmailParked;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.platform.event.InputRefused;
import io.channelhub.platform.security.PartyKind;
import io.channelhub.platform.testing.TestTokens;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import io.channelhub.transfer.event.TransferRequested;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * X1, N1 under faults, driven from outside like upstream systems: poison of every kind among valid transfers, and
 * notification-service killed with {@code kill -9} mid-burst. Services run in processes of their own on a broker
 * and SMTP server of the suite's own; e-mails are counted by Message-ID at the SMTP server. The figures of the
 * full run are in docs/reliability.md; {@code -Dfaults.transfers=N} makes the bursts bigger.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteTest {

    static final Duration START = Duration.ofSeconds(120);
    static final Duration MID_BURST = Duration.ofSeconds(120);
    static final int TRANSFERS = Integer.getInteger("faults.transfers", 40);
    static final int EXPECTED = TRANSFERS * TransferWorkload.EMAILS_PER_TRANSFER;
    static final int SENDERS = 3;
    /** notification-service's channelhub.mail.confirm-every: a killed sender resends at most this many (D-85). */
    static final int CONFIRM_EVERY = 10;
    static final int RESENT_AT_MOST = SENDERS * CONFIRM_EVERY;
    static FaultStack stack;
    static ServiceProcess transfers;
    static ServiceProcess notifications;

    @BeforeAll
    static void start() throws Exception {
        stack = new FaultStack();
        Map<String, String> trust = Map.of(TestTokens.PUBLIC_KEY_LOCATION, TestTokens.publicKey().toUri().toString());
        transfers = stack.start("transfer-service", "transfer-1", trust);
        notifications = stack.start("notification-service", "notification-1", trust);
        transfers.awaitReady(START);
        notifications.awaitReady(START);
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    // X1: every kind of poison, interleaved with valid transfers on the same topics and partitions
    @Test
    @Order(1)
    void poisonOfEveryKindAmongValidTransfersStopsNothing() throws Exception {
        String run = "poison" + UUID.randomUUID().toString().substring(0, 8);
        byte[] garbage = new byte[1_048_400];
        Arrays.fill(garbage, (byte) 0x7f);
        try (TransferWorkload workload = new TransferWorkload(stack.kafka, stack.broker.getBrokersAsString(), run,
                TRANSFERS)) {
            for (int i = 0; i < TRANSFERS; i++) {
                workload.request(i);
                String key = workload.entitlement(i);
                switch (i % 5) {
                    case 0 -> stack.kafka.send(Topics.TRANSFERS_COMMANDS, key, TransferRequested.newBuilder()
                            .setMeta(meta()).setEntitlementId("x".repeat(900_000)).build());
                    case 1 -> stack.kafka.send(Topics.TRANSFERS_COMMANDS, key, new TransferConsentSubmitted(meta(),
                            "t".repeat(900_000), key, PartyRole.ISV, "nobody", ConsentDecision.APPROVE, "upstream"));
                    case 2 -> stack.kafka.sendRaw(Topics.TRANSFERS_COMMANDS, key, garbage);
                    case 3 -> stack.kafka.send(Topics.TRANSFERS_COMMANDS, key, new IsvRegistered(meta(), "I",
                            "wrong topic", "i@example.com", true));
                    default -> stack.kafka.send(Topics.NOTIFICATIONS_OUTBOX, run + i, badAddress(run, i));
                }
            }
            MailCount mail = MailCount.await(stack.smtp, run, TRANSFERS * TransferWorkload.EMAILS_PER_TRANSFER,
                    Duration.ofSeconds(180));
            System.out.printf("[fault-suite] poison: %d valid transfers among %d poison records, %d e-mails "
                    + "expected, %d lost, %d duplicated%n", TRANSFERS, TRANSFERS, mail.expected(), mail.lost(),
                    mail.duplicates());
            assertThat(mail.lost()).as("lost " + mail).isZero();
            assertThat(mail.duplicates()).as("duplicates " + mail).isZero();
        }
        int poisoned = (TRANSFERS + 4) / 5;
        assertThat(stack.kafka.events(Topics.TRANSFERS_EVENTS, InputRefused.class)).hasSizeGreaterThanOrEqualTo(
                2 * poisoned);
        assertThat(stack.kafka.readAll(Topics.dlt(Topics.TRANSFERS_COMMANDS)).stream()
                .filter(r -> Arrays.equals(r.value(), garbage))).hasSize(poisoned);
        assertThat(stack.kafka.events(Topics.NOTIFICATIONS_EVENTS, EmailParked.class).stream()
                .filter(p -> p.getMessageId().contains(run))).hasSize(TRANSFERS / 5);
        assertThat(transfers.status("/actuator/health/readiness")).isEqualTo(200);
        assertThat(notifications.status("/actuator/health/readiness")).isEqualTo(200);
    }

    // N1: kill -9 of the sender mid-burst resends at most the e-mails each sender had not yet confirmed
    @Test
    @Order(2)
    void killingNotificationServiceMidBurstLosesNothingAndResendsAtMostTheUnconfirmedOnes() throws Exception {
        String run = "kill" + UUID.randomUUID().toString().substring(0, 8);
        try (TransferWorkload workload = burst(run)) {
            MailCount.awaitAtLeast(stack.smtp, run, EXPECTED / 3, MID_BURST);
            notifications.kill();
            MailCount atKill = MailCount.of(stack.smtp, run, EXPECTED);
            assertThat(atKill.distinct()).as("killed mid-burst").isLessThan(EXPECTED);
            notifications = stack.start("notification-service", "notification-2", Map.of(
                    TestTokens.PUBLIC_KEY_LOCATION, TestTokens.publicKey().toUri().toString()));
            notifications.awaitReady(START);
            MailCount mail = MailCount.await(stack.smtp, run, EXPECTED, Duration.ofSeconds(180));
            System.out.printf("[fault-suite] kill -9 notification-service: %d transfers, %d e-mails expected, "
                    + "%d delivered before the kill, %d lost, %d duplicated%n", TRANSFERS, EXPECTED,
                    atKill.distinct(), mail.lost(), mail.duplicates());
            assertThat(mail.lost()).as("lost " + mail).isZero();
            assertThat(mail.duplicates()).as("duplicates " + mail).isLessThanOrEqualTo(RESENT_AT_MOST);
        }
    }

    // X1: two instances of each service; one of each killed mid-burst: the survivor takes over within seconds
    @Test
    @Order(3)
    void withTwoInstancesKillingOneHandsItsPartitionsToTheOtherWithinSeconds() throws Exception {
        String run = "pair" + UUID.randomUUID().toString().substring(0, 8);
        ServiceProcess secondTransfers = stack.start("transfer-service", "transfer-2", trust());
        ServiceProcess secondNotifications = stack.start("notification-service", "notification-3", trust());
        secondTransfers.awaitReady(START);
        secondNotifications.awaitReady(START);
        Groups groups = new Groups(stack.broker.getBrokersAsString());
        groups.awaitMembers(Groups.TRANSFERS, 2, Duration.ofSeconds(60));
        groups.awaitMembers(Groups.SENDERS, 2, Duration.ofSeconds(60));
        try (TransferWorkload workload = burst(run)) {
            MailCount.awaitAtLeast(stack.smtp, run, EXPECTED / 4, MID_BURST);
            long killed = System.nanoTime();
            transfers.kill();
            notifications.kill();
            double transfersBack = groups.awaitSoleOwner(Groups.TRANSFERS, Topics.TRANSFERS_COMMANDS, killed);
            double sendersBack = groups.awaitSoleOwner(Groups.SENDERS, Topics.NOTIFICATIONS_OUTBOX, killed);
            MailCount mail = MailCount.await(stack.smtp, run, EXPECTED, Duration.ofSeconds(180));
            int answered = 0;
            for (int i = 0; i < TRANSFERS; i++) {
                if (secondTransfers.get("/transfers?entitlementId=" + workload.entitlement(i),
                        TestTokens.bearer(PartyKind.OPERATOR, "fault-suite")) == 200) {
                    answered++;
                }
            }
            System.out.printf("[fault-suite] two instances, one of each killed: partitions processing again after "
                    + "%.1f s (transfer-service) and %.1f s (sender); %d e-mails expected, %d lost, %d duplicated; "
                    + "%d of %d transfer queries answered by the survivor%n", transfersBack, sendersBack, EXPECTED,
                    mail.lost(), mail.duplicates(), answered, TRANSFERS);
            assertThat(transfersBack).as("transfer-service failover, s").isLessThan(10);
            assertThat(sendersBack).as("sender failover, s").isLessThan(10);
            assertThat(mail.lost()).as("lost " + mail).isZero();
            assertThat(mail.duplicates()).as("duplicates " + mail).isLessThanOrEqualTo(RESENT_AT_MOST);
            assertThat(answered).isEqualTo(TRANSFERS);
        }
        // the killed instance rejoins and takes back its share
        transfers = stack.start("transfer-service", "transfer-1", trust()).awaitReady(START);
        groups().awaitMembers(Groups.TRANSFERS, 2, Duration.ofSeconds(60));
        notifications = secondNotifications;
        secondTransfers.close();
    }

    // X1, N1 (held before, kept): kill -9 of transfer-service mid-burst; every transfer completes once
    @Test
    @Order(4)
    void killingTransferServiceMidBurstCompletesEveryTransferOnce() throws Exception {
        String run = "tkill" + UUID.randomUUID().toString().substring(0, 8);
        try (TransferWorkload workload = burst(run)) {
            workload.awaitApproved(TRANSFERS / 3, MID_BURST);
            transfers.kill();
            transfers = stack.start("transfer-service", "transfer-1", trust()).awaitReady(START);
            MailCount mail = MailCount.await(stack.smtp, run, EXPECTED, Duration.ofSeconds(180));
            System.out.printf("[fault-suite] kill -9 transfer-service: %d transfers, %d e-mails expected, %d lost, "
                    + "%d duplicated%n", TRANSFERS, EXPECTED, mail.lost(), mail.duplicates());
            assertThat(mail.lost()).as("lost " + mail).isZero();
            assertThat(mail.duplicates()).as("duplicates " + mail).isZero();
            assertThat(stack.kafka.events(Topics.TRANSFERS_EVENTS, TransferCompleted.class).stream()
                    .filter(c -> c.getDetails().getEntitlementId().startsWith(run)).map(c -> c.getMeta().getEventId())
                    .distinct()).hasSize(TRANSFERS);
        }
    }

    /** A run's parties known to transfer-service, then every one of its transfers requested at once. */
    private static TransferWorkload burst(String run) {
        TransferWorkload workload = new TransferWorkload(stack.kafka, stack.broker.getBrokersAsString(), run,
                TRANSFERS);
        for (int i = 0; i < TRANSFERS; i++) {
            workload.request(i);
        }
        return workload;
    }

    private static Groups groups() {
        return new Groups(stack.broker.getBrokersAsString());
    }

    private static Map<String, String> trust() {
        return Map.of(TestTokens.PUBLIC_KEY_LOCATION, TestTokens.publicKey().toUri().toString());
    }

    private static EmailRequested badAddress(String run, int i) {
        return EmailRequested.newBuilder().setMeta(meta()).setMessageId("<" + run + "-bad-" + i + "@channelhub>")
                .setTemplate("transfer-consent-request").setToAddress("not an address <>;")
                .setSubject("Bad address " + run).setTextBody("text").setHtmlBody("<p>html</p>").build();
    }

    private static EventMeta meta() {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.now())
                .setProducer("fault-suite").build();
    }
}
