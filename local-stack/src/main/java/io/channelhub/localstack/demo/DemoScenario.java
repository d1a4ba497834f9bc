package io.channelhub.localstack.demo;

import com.icegreen.greenmail.util.GreenMail;
import io.channelhub.localstack.demo.DemoEvents.Publication;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.serde.EventSerde;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes the demo scenario to the running stack and reports how long the first e-mail took. */
public final class DemoScenario {

    /** Time the services get to fold the reference data into their tables before the request arrives. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);

    private final String bootstrapServers;
    private final GreenMail greenMail;
    private final PrintStream out;
    private final String transferServiceUrl;
    private final String discountServiceUrl;

    public DemoScenario(String bootstrapServers, String transferServiceUrl, String discountServiceUrl,
            GreenMail greenMail, PrintStream out) {
        this.bootstrapServers = bootstrapServers;
        this.transferServiceUrl = transferServiceUrl;
        this.discountServiceUrl = discountServiceUrl;
        this.greenMail = greenMail;
        this.out = out;
    }

    public void play(String mailViewerUrl) throws InterruptedException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        out.println("Demo: a CHANGE_RESELLER transfer of " + DemoEvents.ENTITLEMENT + " from "
                + DemoEvents.CURRENT_RESELLER + " to " + DemoEvents.TARGET_RESELLER);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new EventSerde())) {
            for (Publication publication : DemoEvents.referenceData(now)) {
                publish(producer, publication);
            }
            Thread.sleep(SETTLE.toMillis());
            int mailBefore = greenMail.getReceivedMessages().length;
            publish(producer, DemoEvents.transferRequest(now));
            long requested = System.nanoTime();
            out.println("Demo published; watch the mail viewer at " + mailViewerUrl
                    + " and click each party's approve link.");
            out.println("The transfer's state: " + transferServiceUrl + "/transfers?entitlementId="
                    + DemoEvents.ENTITLEMENT);
            reportFirstMail(mailBefore, requested);
            publish(producer, DemoEvents.discountOffer(now));
            out.println("Demo: " + DemoEvents.ISV + " offers the customer 10% through " + DemoEvents.CURRENT_RESELLER
                    + "; the reseller's e-mail has the link to accept it.");
            out.println("The ISV's discounts (with its notes): " + discountServiceUrl + "/isvs/" + DemoEvents.ISV
                    + "/discounts; the reseller's view: " + discountServiceUrl + "/resellers/"
                    + DemoEvents.CURRENT_RESELLER + "/discounts");
        }
    }

    private void publish(KafkaProducer<String, SpecificRecord> producer, Publication publication)
            throws InterruptedException {
        try {
            producer.send(new ProducerRecord<>(publication.topic(), publication.key(), publication.event())).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + publication.topic(), e.getCause());
        }
        out.printf("  %-20s %-40s %s %s%n", publication.topic(), publication.key(),
                publication.event().getSchema().getName(), Events.eventId(publication.event()));
    }

    private void reportFirstMail(int mailBefore, long requested) throws InterruptedException {
        long deadline = requested + MAIL_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] received = greenMail.getReceivedMessages();
            if (received.length > mailBefore) {
                out.printf("First e-mail arrived %d ms after the transfer request: \"%s\"%n",
                        Duration.ofNanos(System.nanoTime() - requested).toMillis(), newestSubject(received));
                return;
            }
            Thread.sleep(50);
        }
        out.println("No e-mail within " + MAIL_TIMEOUT.toSeconds() + " s. If this data directory has played the demo "
                + "before, that is the replay guard at work (same event ids, no second e-mail): --wipe starts afresh.");
    }

    /** GreenMail lists messages per recipient mailbox, not by arrival: the newest is found by its received date. */
    private static String newestSubject(MimeMessage[] received) {
        try {
            MimeMessage newest = received[0];
            for (MimeMessage message : received) {
                if (message.getReceivedDate().after(newest.getReceivedDate())) {
                    newest = message;
                }
            }
            return newest.getSubject();
        } catch (MessagingException e) {
            return "(unreadable subject)";
        }
    }
}
