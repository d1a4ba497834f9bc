package io.channelhub.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.channelhub.notification.NotificationServiceApplication;
import io.channelhub.notification.TestEvents;
import io.channelhub.notification.domain.EmailPlanner;
import io.channelhub.notification.domain.TransferEmails;
import io.channelhub.notification.domain.PlannedEmail;
import io.channelhub.notification.event.EmailFailed;
import io.channelhub.notification.event.EmailParked;
import io.channelhub.notification.event.EmailRequested;
import io.channelhub.notification.event.EmailSent;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.TransferOpened;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * N1, N2 over real parts: the embedded broker, the service's topology and sender, and a real SMTP server that the
 * tests stop and start again. It keeps its port across restarts (a port picked once, not GreenMail's dynamic
 * one), since the service's mail settings are fixed at startup. Retries are short here: 16 attempts, 0.2 s
 * doubling to 0.5 s, about 7 s before an e-mail is parked; long enough for a test to bring SMTP back first.
 */
@SpringBootTest(classes = NotificationServiceApplication.class, properties = {
        "channelhub.mail.retry.initial=PT0.2S", "channelhub.mail.retry.max=PT0.5S",
        "channelhub.mail.retry.max-attempts=" + EmailDeliveryTest.MAX_ATTEMPTS})
class EmailDeliveryTest {

    static final int MAX_ATTEMPTS = 16;
    static final Duration WAIT = Duration.ofSeconds(60);
    static final int SMTP_PORT = freePort();
    static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, null, ServerSetup.PROTOCOL_SMTP));
    static final Pattern LINK = Pattern.compile("http://localhost:8081/approvals/(\\S+)");
    static KafkaTestClient kafka;

    @Autowired
    MeterRegistry registry;

    @BeforeAll
    static void start() {
        SMTP.start();
        kafka = KafkaTestClient.embedded().createTopics();
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
        kafka.close();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    // T4, N1, N2: one e-mail per party, with the Message-ID derived from the event, each send recorded
    @Test
    void eachPartyReceivesOneEmailWithItsDerivedMessageIdAndEverySendIsRecorded() throws Exception {
        TransferOpened opened = TestEvents.opened("delivery-1", "E-7");
        kafka.send(Topics.TRANSFERS_EVENTS, "E-7", opened);
        kafka.send(Topics.TRANSFERS_EVENTS, "E-7", opened); // redelivered

        List<MimeMessage> received = receivedExactlyOnceEach(opened, "E-7");
        List<EmailSent> sent = kafka.await(Topics.NOTIFICATIONS_EVENTS, EmailSent.class,
                e -> messageIds(opened).containsValue(e.getMessageId()), 4, WAIT);
        assertThat(sent).extracting(EmailSent::getMessageId)
                .containsExactlyInAnyOrderElementsOf(messageIds(opened).values());

        MimeMessage isv = received.stream().filter(m -> recipient(m).equals("partners@vendor.example")).findFirst()
                .orElseThrow();
        assertThat(isv.getSubject()).isEqualTo("Your consent is needed to transfer entitlement E-7");
        assertThat(isv.getContentType()).startsWith("multipart/mixed");
        // T4, T5: the link points to the configured endpoint and is signed with the configured key
        Matcher link = LINK.matcher(text(isv));
        assertThat(link.find()).isTrue();
        assertThat(TestEvents.TOKENS.verify(link.group(1), TestEvents.T0))
                .isInstanceOfSatisfying(ApprovalTokens.Valid.class, valid -> assertThat(valid.claim().role())
                        .isEqualTo("ISV"));
    }

    // N1: SMTP down for a while, then up: every e-mail arrives, exactly once
    @Test
    void whileSmtpIsDownEmailsWaitAndArriveExactlyOnceWhenItIsBack() throws Exception {
        TransferOpened opened = TestEvents.opened("outage-1", "E-8");
        SMTP.stop();
        kafka.send(Topics.TRANSFERS_EVENTS, "E-8", opened);
        List<EmailFailed> failed = kafka.await(Topics.NOTIFICATIONS_EVENTS, EmailFailed.class,
                f -> messageIds(opened).containsValue(f.getMessageId()), 1, WAIT);
        SMTP.start();

        receivedExactlyOnceEach(opened, "E-8");
        List<EmailSent> sent = kafka.await(Topics.NOTIFICATIONS_EVENTS, EmailSent.class,
                s -> messageIds(opened).containsValue(s.getMessageId()), 4, WAIT);
        assertThat(sent).extracting(EmailSent::getMessageId).doesNotHaveDuplicates();
        assertThat(sent).filteredOn(s -> s.getMessageId().equals(failed.get(0).getMessageId())).singleElement()
                .satisfies(s -> assertThat(s.getAttempts()).isGreaterThan(1));
        assertThat(failed.get(0).getError()).isNotBlank();
    }

    // N1: past the retry budget an e-mail is parked for an operator, and the partition moves on
    @Test
    void anEmailThatKeepsFailingIsParkedAndTheNextOnesStillGoOut() throws Exception {
        TransferOpened opened = TestEvents.opened("park-1", "E-9");
        SMTP.stop();
        kafka.send(Topics.TRANSFERS_EVENTS, "E-9", opened);

        EmailParked parked = kafka.await(Topics.NOTIFICATIONS_EVENTS, EmailParked.class,
                p -> messageIds(opened).containsValue(p.getMessageId()), 1, WAIT).get(0);
        SMTP.start();

        assertThat(parked.getAttempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(parked.getError()).contains("connect");
        assertThat(kafka.events(Topics.NOTIFICATIONS_EVENTS, EmailFailed.class).stream()
                .filter(f -> f.getMessageId().equals(parked.getMessageId()))).hasSize(MAX_ATTEMPTS);
        List<ConsumerRecord<String, byte[]>> parkedRecords = kafka.readAll(Topics.NOTIFICATIONS_PARKED).stream()
                .filter(r -> r.key().equals(parked.getMessageId())).toList();
        assertThat(parkedRecords).singleElement().satisfies(r -> {
            EmailRequested email = (EmailRequested) new EventSerde().decode(r.value());
            assertThat(email.getMessageId()).isEqualTo(parked.getMessageId());
            assertThat(email.getToAddress()).isEqualTo(parked.getToAddress());
            assertThat(email.getTextBody()).contains("E-9");
        });
        assertThat(registry.get(MetricNames.name("emails", "parked")).tag("template", TransferEmails.CONSENT_REQUEST)
                .counter().count()).isGreaterThanOrEqualTo(1.0);

        // nothing is lost: each e-mail of the event is either delivered once SMTP is back, or parked for a redrive
        // (one sender per outbox partition, so e-mails on other partitions may run out of attempts too)
        Thread.sleep(3000);
        Set<String> parkedIds = kafka.events(Topics.NOTIFICATIONS_EVENTS, EmailParked.class).stream()
                .map(EmailParked::getMessageId).filter(messageIds(opened)::containsValue)
                .collect(java.util.stream.Collectors.toSet());
        List<MimeMessage> delivered = awaitReceived("E-9", 4 - parkedIds.size());
        Thread.sleep(2000);
        assertThat(received("E-9")).hasSize(4 - parkedIds.size());
        assertThat(delivered).extracting(EmailDeliveryTest::messageId)
                .containsExactlyInAnyOrderElementsOf(messageIds(opened).values().stream()
                        .filter(id -> !parkedIds.contains(id)).toList());
    }

    // N1, X1: a malformed address fails the same way every time: parked at once, never holding the e-mails behind it
    @Test
    void aMalformedAddressIsParkedAtOnceAndTheEmailsBehindItGoOut() throws Exception {
        String run = "bad-address-" + System.nanoTime();
        kafka.send(Topics.NOTIFICATIONS_OUTBOX, run, outboxEmail(run + "-bad", "not an address <>;", run));
        for (int i = 0; i < 5; i++) {
            // one key: one partition, one sender, in this order
            kafka.send(Topics.NOTIFICATIONS_OUTBOX, run, outboxEmail(run + "-" + i, "reseller@example.com", run));
        }
        EmailParked parked = kafka.await(Topics.NOTIFICATIONS_EVENTS, EmailParked.class,
                p -> p.getMessageId().equals("<" + run + "-bad@channelhub>"), 1, Duration.ofSeconds(10)).get(0);
        assertThat(parked.getAttempts()).isEqualTo(1);
        assertThat(awaitReceived(run, 5)).hasSize(5);
        assertThat(kafka.events(Topics.NOTIFICATIONS_EVENTS, EmailFailed.class).stream()
                .filter(f -> f.getMessageId().equals(parked.getMessageId()))).hasSize(1);
    }

    // D-94: a month-end's backlog of invoices on the bulk outbox has senders of its own: an e-mail someone waits for
    // goes out while the backlog is still being sent, and the backlog is sent whole
    @Test
    void aBacklogOfInvoicesDoesNotHoldAnInteractiveEmail() throws Exception {
        String run = "bulk-" + System.nanoTime();
        int backlog = 1000;
        // one key: one partition, one bulk sender, in this order
        kafka.sendAll(Topics.NOTIFICATIONS_BULK_OUTBOX, run, java.util.stream.IntStream.range(0, backlog)
                .mapToObj(i -> outboxEmail(run + "-invoice-" + i, "accounts@reseller.example", "invoice " + run))
                .toList());
        kafka.send(Topics.NOTIFICATIONS_OUTBOX, run, outboxEmail(run + "-consent", "it@acme.example",
                "consent " + run));

        awaitReceived("consent " + run, 1);
        int invoicesBefore = received("invoice " + run).size();
        // one consumer reading both outboxes would take the consent only after a poll's worth (500) of invoices
        assertThat(invoicesBefore).isLessThan(backlog / 2);
        assertThat(awaitReceived("invoice " + run, backlog)).hasSize(backlog);
    }

    private static EmailRequested outboxEmail(String id, String to, String subjectTail) {
        return EmailRequested.newBuilder()
                .setMeta(io.channelhub.platform.ids.EventIds.origin(id, java.time.Instant.now(), "test"))
                .setMessageId("<" + id + "@channelhub>")
                .setTemplate(TransferEmails.CONSENT_REQUEST)
                .setToAddress(to)
                .setSubject("Test " + subjectTail)
                .setTextBody("text")
                .setHtmlBody("<p>html</p>")
                .build();
    }

    /**
     * Waits for the e-mails of a TransferOpened and, after a pause for late duplicates, asserts that every party
     * got exactly one, with the Message-ID the planner derives for it.
     */
    private static List<MimeMessage> receivedExactlyOnceEach(TransferOpened opened, String entitlementId)
            throws InterruptedException {
        awaitReceived(entitlementId, 4);
        Thread.sleep(2000);
        List<MimeMessage> received = received(entitlementId);
        Map<String, List<String>> idsByRecipient = received.stream().collect(Collectors.groupingBy(
                EmailDeliveryTest::recipient, Collectors.mapping(EmailDeliveryTest::messageId, Collectors.toList())));
        assertThat(idsByRecipient).isEqualTo(messageIds(opened).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
        return received;
    }

    /** Recipient → Message-ID, as the service's planner derives them for this event (N2). */
    private static Map<String, String> messageIds(TransferOpened opened) {
        return TestEvents.PLANNER.plan(opened, TestEvents.WRITTEN).stream()
                .collect(Collectors.toMap(PlannedEmail::toAddress, PlannedEmail::messageId));
    }

    private static List<MimeMessage> awaitReceived(String entitlementId, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (received(entitlementId).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return received(entitlementId);
    }

    /** Every transfer e-mail's subject ends with its entitlement id. */
    private static List<MimeMessage> received(String entitlementId) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> subject(m).endsWith(" " + entitlementId))
                .toList();
    }

    /** The text/plain part, decoded, wherever it sits in the multipart tree. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
