package io.channelhub.systemtests;

import static io.channelhub.systemtests.SystemUnderTest.emails;
import static io.channelhub.systemtests.SystemUnderTest.recipient;
import static io.channelhub.systemtests.SystemUnderTest.subject;
import static io.channelhub.systemtests.SystemUnderTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.security.PartyKind;
import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountCancellationRequested;
import io.channelhub.discount.event.DiscountCancelled;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountLapsed;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.event.DiscountRefused;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.testing.KafkaTestClient;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Keys;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

/**
 * Discounts end to end on the real broker, the four services and a real SMTP server (D1–D7, N1, X2): configure,
 * the reseller accepts through the link in its e-mail, a tick starts it, another ends it; an overlapping request
 * is refused; one not accepted in time lapses; cancel and configure again replaces one; a replay changes nothing.
 */
@ExtendWith(SystemUnderTest.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DiscountJourneyTest {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/acceptances/([A-Za-z0-9_=-]+(?:\\.[A-Za-z0-9_=-]+)+)");
    private static final String ISV = "DJ-ISV";
    private static final String RESELLER = "DJ-R";
    private static final String ISV_MAIL = "partners@dj-isv.example";
    private static final String RESELLER_MAIL = "sales@dj-r.example";
    private static final String BOOK = Keys.discounts(ISV, RESELLER);
    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant START = T0.plus(Duration.ofDays(1));
    private static final Instant END = T0.plus(Duration.ofDays(30));
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaTestClient kafka;

    @BeforeAll
    static void directory() {
        kafka = SystemUnderTest.kafka();
        kafka.send(Topics.DIRECTORY_EVENTS, "isv:" + ISV, new IsvRegistered(meta(T0), ISV, "Journey Vendor", ISV_MAIL,
                true));
        kafka.send(Topics.DIRECTORY_EVENTS, "reseller:" + RESELLER, new ResellerRegistered(meta(T0), RESELLER,
                "Journey Reseller", RESELLER_MAIL, "IT", java.util.List.of(), null));
        for (String account : List.of("DJ-A1", "DJ-A2", "DJ-A3")) {
            kafka.send(Topics.DIRECTORY_EVENTS, "account:" + account, new BillingAccountRegistered(meta(T0), account,
                    "C-" + account, "Customer " + account, "billing@" + account.toLowerCase() + ".example",
                    RESELLER, null));
        }
        SystemUnderTest.awaitAccountsKnownTo("discount-service", "DJ-A1", "DJ-A2", "DJ-A3");
    }

    // D1, D3, D2, D7: proposed, accepted through the reseller's e-mailed link, started and ended by ticks
    @Order(1)
    @Test
    void aDiscountIsAcceptedByLinkStartsAndEnds() throws Exception {
        configure("dj-1", "DJ-A1", "10.00", START, END);
        configure("dj-2", "DJ-A2", "5.00", START, null); // never accepted: lapses at START
        String accepted = proposed("DJ-A1");
        proposed("DJ-A2");

        MimeMessage offer = single(emails(m -> recipient(m).equals(RESELLER_MAIL)
                && subject(m).equals("Discount offered for your customer Customer DJ-A1"), 1));
        assertThat(text(offer).replaceAll("\\s+", " ")).contains("Journey Vendor offers your customer Customer DJ-A1 "
                + "a discount of 10% on every product of Journey Vendor", "billing account DJ-A1").doesNotContain("ISV eyes only");
        HttpResponse<String> answer = post(acceptToken(offer));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        await(DiscountAccepted.class, e -> e.getTerms().getDiscountId().equals(accepted));
        assertThat(single(emails(m -> recipient(m).equals(ISV_MAIL) && subject(m).startsWith("Discount accepted"), 1))
                .getSubject()).isEqualTo("Discount accepted for Customer DJ-A1");

        tick(START.plusSeconds(60));
        DiscountStarted started = await(DiscountStarted.class, e -> e.getTerms().getDiscountId().equals(accepted));
        assertThat(started.getAt()).isEqualTo(START);
        await(DiscountLapsed.class, e -> e.getTerms().getBillingAccountId().equals("DJ-A2"));
        assertThat(emails(m -> subject(m).startsWith("Discount lapsed"), 2)).extracting(SystemUnderTest::recipient)
                .containsExactlyInAnyOrder(ISV_MAIL, RESELLER_MAIL);

        // D4: a second discount for the same customer in the same period is refused, with the reason
        configure("dj-3", "DJ-A1", "20.00", START.plus(Duration.ofDays(2)), null);
        DiscountRefused refused = await(DiscountRefused.class, e -> e.getBillingAccountId().equals("DJ-A1"));
        assertThat(refused.getReasons()).extracting(r -> r.getCode()).containsExactly("OVERLAPS");

        assertThat(SystemUnderTest.services().get("discount-service", "/isvs/" + ISV + "/discounts", PartyKind.ISV, ISV).body())
                .contains("\"status\":\"IN_EFFECT\"", "ISV eyes only");
        assertThat(SystemUnderTest.services().get("discount-service", "/resellers/" + RESELLER + "/discounts",
                PartyKind.RESELLER, RESELLER).body())
                .contains("\"status\":\"IN_EFFECT\"").doesNotContain("ISV eyes only");

        tick(END.plusSeconds(60));
        assertThat(await(DiscountEnded.class, e -> e.getTerms().getDiscountId().equals(accepted)).getAt())
                .isEqualTo(END);
        assertThat(emails(m -> subject(m).startsWith("Discount ended"), 2)).extracting(SystemUnderTest::recipient)
                .containsExactlyInAnyOrder(ISV_MAIL, RESELLER_MAIL);
    }

    // D3 (seed 002's "update"): cancel, then configure the replacement for the same period: proposed again
    @Order(2)
    @Test
    void cancellingAndConfiguringAgainReplacesADiscount() throws Exception {
        Instant start = END.plus(Duration.ofDays(10));
        Instant now = END.plusSeconds(120);
        configure("dj-4", "DJ-A3", "10.00", start, null, now);
        String first = proposed("DJ-A3");
        kafka.send(Topics.DISCOUNTS_COMMANDS, BOOK, new DiscountCancellationRequested(meta(now.plusSeconds(60)),
                first, ISV, RESELLER));
        assertThat(await(DiscountCancelled.class, e -> e.getTerms().getDiscountId().equals(first)).getWasInEffect())
                .isFalse();
        configure("dj-5", "DJ-A3", "15.00", start, null, now.plusSeconds(120));
        assertThat(await(DiscountProposed.class, e -> e.getTerms().getBillingAccountId().equals("DJ-A3")
                && !e.getTerms().getDiscountId().equals(first)).getTerms().getPercent()).isEqualByComparingTo("15");
        assertThat(emails(m -> subject(m).startsWith("Discount cancelled"), 2)).extracting(SystemUnderTest::recipient)
                .containsExactlyInAnyOrder(ISV_MAIL, RESELLER_MAIL);
        assertThat(emails(m -> recipient(m).equals(RESELLER_MAIL) && subject(m).contains("DJ-A3"), 3)).hasSize(3);
    }

    // X2, N1: replaying the discount topics and the directory sends nothing and decides nothing new
    @Order(3)
    @Test
    void replayingTheDiscountTopicsChangesNothing() {
        SystemUnderTest.sleep(3000);
        int emailsBefore = emails(m -> true, 0).size();
        Set<String> outcomesBefore = eventIds(Topics.DISCOUNTS_EVENTS);
        for (String topic : List.of(Topics.DIRECTORY_EVENTS, Topics.DISCOUNTS_COMMANDS, Topics.DISCOUNTS_EVENTS)) {
            for (ConsumerRecord<String, byte[]> record : kafka.readAll(topic)) {
                kafka.sendRaw(topic, record.key(), record.value());
            }
        }
        SystemUnderTest.sleep(8000);
        assertThat(emails(m -> true, 0).stream().skip(emailsBefore).map(m -> recipient(m) + ": " + subject(m)))
                .as("e-mails sent after the replay").isEmpty();
        assertThat(eventIds(Topics.DISCOUNTS_EVENTS)).isEqualTo(outcomesBefore);
    }

    private static void configure(String id, String account, String percent, Instant start, Instant end) {
        configure(id, account, percent, start, end, T0);
    }

    /** {@code at}: when the ISV asks; the ticks above moved this partition's clock a month ahead. */
    private static void configure(String id, String account, String percent, Instant start, Instant end,
            Instant at) {
        kafka.send(Topics.DISCOUNTS_COMMANDS, BOOK, DiscountConfigurationRequested.newBuilder()
                .setMeta(EventMeta.newBuilder().setEventId(id + "-" + T0.toEpochMilli()).setOccurredAt(at)
                        .setProducer("system-test").build())
                .setIsvId(ISV).setResellerId(RESELLER).setBillingAccountId(account)
                .setPercent(new BigDecimal(percent)).setStartsAt(start).setEndsAt(end)
                .setPrivateNotes("for ISV eyes only").build());
    }

    private static String proposed(String account) {
        return await(DiscountProposed.class, e -> account.equals(e.getTerms().getBillingAccountId()))
                .getTerms().getDiscountId();
    }

    /** A tick on the book's partition, as the ticker sends to every partition. */
    private static void tick(Instant at) {
        kafka.send(Topics.DISCOUNTS_COMMANDS, BOOK, new ClockTicked(meta(at), at));
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> T await(Class<T> type,
            java.util.function.Predicate<T> match) {
        return kafka.await(Topics.DISCOUNTS_EVENTS, type, match, 1, WAIT).get(0);
    }

    private static String acceptToken(MimeMessage email) {
        Matcher link = LINK.matcher(text(email));
        assertThat(link.find()).as("an acceptance link").isTrue();
        return link.group(1);
    }

    private static HttpResponse<String> post(String token) throws Exception {
        int port = SystemUnderTest.services().port("discount-service");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/acceptances/" + token))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static MimeMessage single(List<MimeMessage> emails) {
        assertThat(emails).hasSize(1);
        return emails.get(0);
    }

    private static EventMeta meta(Instant at) {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(at)
                .setProducer("system-test").build();
    }

    private static Set<String> eventIds(String topic) {
        EventSerde serde = new EventSerde();
        return kafka.readAll(topic).stream().map(r -> Events.eventId(serde.decode(r.value())))
                .collect(Collectors.toSet());
    }
}
