package io.channelhub.systemtests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Topics;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running system for every test class of the JVM (starting four services takes a while): the embedded
 * broker, the schema registry, a GreenMail SMTP server, the four services. Test classes use their own ids so they do not meet.
 */
public final class SystemUnderTest implements BeforeAllCallback {

    /** Secrets as a deployment has them: made up for this run, handed to the services as configuration. */
    static final String APPROVAL_KEY = "approvals-" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID();
    static final String SMTP_USER = "channelhub-mailer";
    static final String SMTP_PASSWORD = "smtp-" + java.util.UUID.randomUUID();
    /** Where the run's logs go (logback-test.xml); {@link LogScanTest} reads them. */
    static final java.nio.file.Path LOG = java.nio.file.Path.of("target", "e2e-logs", "e2e.log");
    private static Running running;

    /** What the test classes use. */
    record Running(KafkaTestClient kafka, GreenMail smtp, RunningSystem services)
            implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            services.close();
            smtp.stop();
            kafka.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Running.class, k -> {
            truncateLog();
            TestRegistry.url(); // this JVM's serdes speak to the real registry from the first record on
            GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            smtp.setUser(SMTP_USER, SMTP_USER, SMTP_PASSWORD);
            smtp.start();
            KafkaTestClient kafka = KafkaTestClient.embedded().createTopics();
            try {
                running = new Running(kafka, smtp, new RunningSystem(smtp.getSmtp().getPort(), APPROVAL_KEY,
                        SMTP_USER, SMTP_PASSWORD));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return running;
        }, Running.class);
    }

    /** Only this run's lines: logback keeps appending to the file across runs and service starts. */
    private static void truncateLog() {
        try {
            if (java.nio.file.Files.exists(LOG)) {
                java.nio.file.Files.write(LOG, new byte[0]);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static KafkaTestClient kafka() {
        return running.kafka();
    }

    /**
     * Waits until transfer-service has copied these billing accounts into its directory table: facts travel on
     * other topics than requests, and upstream publishes them well before anyone asks.
     */
    static void awaitAccountsKnown(String... billingAccountIds) {
        awaitAccountsKnownTo("transfer-service", billingAccountIds);
    }

    static void awaitAccountsKnownTo(String service, String... billingAccountIds) {
        Set<String> ids = Set.of(billingAccountIds);
        running.kafka().await(ReferenceTable.tableTopic(service, Topics.DIRECTORY_EVENTS),
                BillingAccountRegistered.class, a -> ids.contains(a.getBillingAccountId()), ids.size(),
                Duration.ofSeconds(60));
        sleep(1000);
    }

    /**
     * A tick at {@code at} on every partition of a command topic, as the ticker sends: work one partition's tick
     * started (an invoice whose lines go to another partition, say) is finished by the next tick there.
     */
    static void tickEveryPartition(String topic, java.time.Instant at) {
        int partitions = 3;
        java.util.Set<Integer> covered = new java.util.HashSet<>();
        for (int i = 0; covered.size() < partitions; i++) {
            String key = "tick-" + i;
            int partition = org.apache.kafka.common.utils.Utils.toPositive(org.apache.kafka.common.utils.Utils.murmur2(
                    key.getBytes(java.nio.charset.StandardCharsets.UTF_8))) % partitions;
            if (covered.add(partition)) {
                running.kafka().send(topic, key, new io.channelhub.platform.event.ClockTicked(
                        io.channelhub.common.event.EventMeta.newBuilder().setEventId(java.util.UUID.randomUUID()
                                .toString()).setOccurredAt(at).setProducer("system-test").build(), at));
            }
        }
    }

    /** An amount as the rules round it, to the cent: "87.30". */
    static String cents(io.channelhub.common.event.Money money) {
        return io.channelhub.pricing.AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }

    /** A fresh upstream envelope at {@code at}. */
    static io.channelhub.common.event.EventMeta meta(java.time.Instant at) {
        return io.channelhub.common.event.EventMeta.newBuilder().setEventId(java.util.UUID.randomUUID().toString())
                .setOccurredAt(at).setProducer("system-test").build();
    }

    /** The event ids on a topic: what a replay must leave as they are. */
    static Set<String> eventIds(String topic) {
        io.channelhub.schemas.serde.EventSerde serde = new io.channelhub.schemas.serde.EventSerde();
        return running.kafka().readAll(topic).stream().map(r -> io.channelhub.schemas.Events.eventId(
                serde.decode(r.value()))).collect(java.util.stream.Collectors.toSet());
    }

    /** The text of the PDF attached to an e-mail. */
    static String pdfText(MimeMessage email) {
        try {
            MimeMultipart parts = (MimeMultipart) email.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                var part = parts.getBodyPart(i);
                if (jakarta.mail.Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                    try (var document = org.apache.pdfbox.Loader.loadPDF(part.getInputStream().readAllBytes())) {
                        return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no PDF attached to " + subject(email));
    }

    static RunningSystem services() {
        return running.services();
    }

    /** Waits until at least {@code atLeast} received e-mails match, then returns all that match. */
    static List<MimeMessage> emails(Predicate<MimeMessage> filter, int atLeast) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<MimeMessage> matching = Arrays.stream(running.smtp().getReceivedMessages()).filter(filter).toList();
            if (matching.size() >= atLeast || System.nanoTime() > deadline) {
                return matching;
            }
            sleep(100);
        }
    }

    /** E-mails whose subject ends with the entitlement id (every transfer e-mail's subject does). */
    static List<MimeMessage> emailsAbout(String entitlementId, int atLeast) {
        return emails(m -> subject(m).endsWith(" " + entitlementId), atLeast);
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain part of a text + HTML e-mail. */
    static String text(MimeMessage message) {
        try {
            return findText(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/html part of a text + HTML e-mail. */
    static String html(MimeMessage message) {
        try {
            return findPart(message.getContent(), "text/html");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a reader sees of the HTML part: no head, no tags, so no style attribute reads as content. */
    static String visibleHtml(MimeMessage message) {
        return html(message).replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ");
    }

    private static String findText(Object content) throws Exception {
        return findPart(content, "text/plain");
    }

    private static String findPart(Object content, String mimeType) throws Exception {
        if (content instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                var part = multipart.getBodyPart(i);
                if (part.isMimeType(mimeType)) {
                    return (String) part.getContent();
                }
                String nested = findPart(part.getContent(), mimeType);
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
