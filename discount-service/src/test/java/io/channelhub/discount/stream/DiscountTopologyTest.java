package io.channelhub.discount.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.discount.domain.DiscountDecider;
import io.channelhub.discount.event.DiscountAcceptanceSubmitted;
import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.event.DiscountRefused;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.discount.state.DiscountBook;
import io.channelhub.discount.state.DiscountStatus;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Keys;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.TransferRequested;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every event path of the discount topology, without a broker. */
class DiscountTopologyTest {

    static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    static final Instant START = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant END = Instant.parse("2026-05-01T00:00:00Z");
    static final String KEY = Keys.discounts("ISV-1", "R-1");
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    TopologyTestDriver driver;
    TestInputTopic<String, SpecificRecord> commands;
    TestOutputTopic<String, SpecificRecord> events;

    static EventMeta meta(String id, Instant at) {
        return EventMeta.newBuilder().setEventId(id).setOccurredAt(at).setProducer("test").build();
    }

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "discount-topology-test");
        driver = new TopologyTestDriver(DiscountTopology.build(new DiscountDecider(), registry, Duration.ofDays(30)),
                props);
        TestInputTopic<String, SpecificRecord> directory = driver.createInputTopic(Topics.DIRECTORY_EVENTS,
                new StringSerializer(), new EventSerde());
        commands = driver.createInputTopic(Topics.DISCOUNTS_COMMANDS, new StringSerializer(), new EventSerde());
        events = driver.createOutputTopic(Topics.DISCOUNTS_EVENTS, new StringDeserializer(), new EventSerde());
        directory.pipeInput("isv:ISV-1", new IsvRegistered(meta("d1", T0), "ISV-1", "Vendor", "isv@example.com",
                true));
        directory.pipeInput("reseller:R-1", new ResellerRegistered(meta("d2", T0), "R-1", "Reseller",
                "r1@example.com", "IT", java.util.List.of(), null));
        directory.pipeInput("account:A-1", new BillingAccountRegistered(meta("d3", T0), "A-1", "C-1", "Acme",
                "acme@example.com", "R-1", null));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    // D1, D3, X2: configure -> proposed under the ISV|reseller key; the same request again decides nothing
    @Test
    void aConfigurationIsProposedOnceUnderTheIsvResellerKey() {
        commands.pipeInput(KEY, configure("c-1", END));
        commands.pipeInput(KEY, configure("c-1", END));

        List<TestRecord<String, SpecificRecord>> out = events.readRecordsToList();
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(KEY);
            assertThat(r.value()).isInstanceOf(DiscountProposed.class);
        });
        assertThat(registry.counter(MetricNames.DUPLICATES, "service", "discount-service", "topic",
                Topics.DISCOUNTS_COMMANDS).count()).isEqualTo(1.0);
    }

    // D3: accepted, then the ticks start and end it; each deadline once
    @Test
    void ticksStartAndEndAnAcceptedDiscount() {
        commands.pipeInput(KEY, configure("c-1", END));
        String id = ((DiscountProposed) events.readValue()).getTerms().getDiscountId();
        commands.pipeInput(KEY, new DiscountAcceptanceSubmitted(meta("a-1", T0.plusSeconds(60)), id, "ISV-1",
                "R-1", "upstream"));
        assertThat(events.readValue()).isInstanceOf(DiscountAccepted.class);

        tick(START.minusSeconds(1));
        assertThat(events.isEmpty()).isTrue();
        tick(START.plusSeconds(10));
        tick(START.plusSeconds(20));
        assertThat(events.readValuesToList()).singleElement().isInstanceOf(DiscountStarted.class);
        tick(END);
        assertThat(events.readValuesToList()).singleElement().isInstanceOf(DiscountEnded.class);
        DiscountBook book = driver.<String, DiscountBook>getKeyValueStore(DiscountTopology.BOOKS_STORE).get(KEY);
        assertThat(book.getDiscounts()).singleElement().satisfies(d ->
                assertThat(d.getStatus()).isEqualTo(DiscountStatus.ENDED));
    }

    // D2, X1: a refusal is published with its reasons and counted by reason
    @Test
    void aRefusalIsPublishedAndCountedByReason() {
        commands.pipeInput(KEY, DiscountConfigurationRequested.newBuilder(configure("c-2", END))
                .setBillingAccountId("A-404").build());
        DiscountRefused refused = (DiscountRefused) events.readValue();
        assertThat(refused.getReasons()).extracting(r -> r.getCode()).containsExactly("ACCOUNT_UNKNOWN");
        assertThat(registry.counter(MetricNames.REFUSALS, "service", "discount-service", "type", "DiscountRefused",
                "reason", "ACCOUNT_UNKNOWN").count()).isEqualTo(1.0);
    }

    // X1: undecodable bytes go to the dead-letter topic; an event of another topic is counted, not decided
    @Test
    void badInputNeverStopsThePartition() {
        driver.createInputTopic(Topics.DISCOUNTS_COMMANDS, new StringSerializer(), new ByteArraySerializer())
                .pipeInput(KEY, new byte[] {1, 2, 3});
        commands.pipeInput(KEY, TransferRequested.newBuilder().setMeta(meta("x", T0)).setCustomerCompanyName("A")
                .setEntitlementId("E").setOfferId("O").setCurrentBillingAccountId("A-1").setTargetBillingAccountId(
                        "A-2").setContactName("n").setContactEmail("e@example.com").build());
        commands.pipeInput(KEY, configure("c-3", END));

        assertThat(driver.createOutputTopic(Topics.dlt(Topics.DISCOUNTS_COMMANDS), new StringDeserializer(),
                new ByteArrayDeserializer()).readValue()).containsExactly(1, 2, 3);
        assertThat(events.readValuesToList()).singleElement().isInstanceOf(DiscountProposed.class);
        assertThat(registry.counter(MetricNames.REFUSALS, "service", "discount-service", "type", "TransferRequested",
                "reason", "UNSUPPORTED_ON_TOPIC").count()).isEqualTo(1.0);
    }

    private void tick(Instant at) {
        commands.pipeInput(KEY, new ClockTicked(meta("tick-" + at, at), at));
    }

    private static DiscountConfigurationRequested configure(String id, Instant end) {
        return DiscountConfigurationRequested.newBuilder().setMeta(meta(id, T0)).setIsvId("ISV-1")
                .setResellerId("R-1").setBillingAccountId("A-1").setPercent(new BigDecimal("10.00"))
                .setStartsAt(START).setEndsAt(end).setPrivateNotes("ours").build();
    }
}
