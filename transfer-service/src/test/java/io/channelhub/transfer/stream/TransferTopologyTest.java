package io.channelhub.transfer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.OfferListed;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.transfer.domain.TransferDecider;
import io.channelhub.transfer.domain.TransferSettings;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferCompleted;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import io.channelhub.transfer.event.TransferExpired;
import io.channelhub.transfer.event.TransferInfoRequested;
import io.channelhub.transfer.event.TransferReminded;
import io.channelhub.transfer.state.TransferState;
import io.channelhub.transfer.state.TransferStatus;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferOpened;
import io.channelhub.transfer.event.TransferRequested;
import io.channelhub.platform.event.ClockTicked;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every event path of the transfer topology, without a broker. */
class TransferTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> directory;
    private TestInputTopic<String, SpecificRecord> entitlements;
    private TestInputTopic<String, SpecificRecord> commands;
    private TestInputTopic<String, byte[]> rawCommands;
    private TestOutputTopic<String, SpecificRecord> events;
    private TestOutputTopic<String, SpecificRecord> moves;

    static EventMeta meta(String id) {
        return EventMeta.newBuilder().setEventId(id).setOccurredAt(T0).setProducer("test").build();
    }

    @BeforeEach
    void start() {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "transfer-topology-test");
        TransferDecider decider = new TransferDecider(new TransferSettings(Duration.ofDays(3), Duration.ofDays(14)));
        driver = new TopologyTestDriver(TransferTopology.build(decider, new TransferMetrics(registry), registry,
                Duration.ofDays(30)), props);
        directory = driver.createInputTopic(Topics.DIRECTORY_EVENTS, new StringSerializer(), new EventSerde());
        entitlements = driver.createInputTopic(Topics.ENTITLEMENTS_EVENTS, new StringSerializer(), new EventSerde());
        commands = driver.createInputTopic(Topics.TRANSFERS_COMMANDS, new StringSerializer(), new EventSerde());
        rawCommands = driver.createInputTopic(Topics.TRANSFERS_COMMANDS, new StringSerializer(),
                new ByteArraySerializer());
        events = driver.createOutputTopic(Topics.TRANSFERS_EVENTS, new StringDeserializer(), new EventSerde());
        moves = driver.createOutputTopic(Topics.ENTITLEMENTS_EVENTS, new StringDeserializer(), new EventSerde());

        directory.pipeInput("isv:ISV-1", new IsvRegistered(meta("d1"), "ISV-1", "Vendor", "isv@example.com", true));
        directory.pipeInput("reseller:R-1", new ResellerRegistered(meta("d2"), "R-1", "Old Reseller",
                "r1@example.com", "IT", java.util.List.of(), null));
        directory.pipeInput("reseller:R-2", new ResellerRegistered(meta("d3"), "R-2", "New Reseller",
                "r2@example.com", "PT", java.util.List.of(), null));
        directory.pipeInput("account:BA-1", new BillingAccountRegistered(meta("d4"), "BA-1", "C-1", "Acme",
                "acme@example.com", "R-1", null));
        directory.pipeInput("account:BA-2", new BillingAccountRegistered(meta("d5"), "BA-2", "C-1", "Acme",
                "acme@example.com", "R-2", "Acme Europe"));
        directory.pipeInput("offer:O-1", new OfferListed(meta("d6"), "O-1", "Analytics Pro", "Vendor Analytics",
                "ISV-1"));
        entitlements.pipeInput("E-1", new EntitlementActivated(meta("f1"), "E-1", "O-1", "ISV-1", "BA-1"));
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static TransferRequested request(String id) {
        return TransferRequested.newBuilder().setMeta(meta(id)).setCustomerCompanyName("Acme").setEntitlementId("E-1")
                .setOfferId("O-1").setCurrentBillingAccountId("BA-1").setTargetBillingAccountId("BA-2")
                .setContactName("Ada").setContactEmail("ada@acme.example").build();
    }

    // T4: a complete request opens the transfer with every party, and the details name what is transferred
    @Test
    void aCompleteRequestOpensTheTransferUnderTheEntitlementKey() {
        commands.pipeInput("E-1", request("r-1"));

        var out = events.readRecordsToList();
        assertThat(out).hasSize(1);
        assertThat(out.get(0).key()).isEqualTo("E-1");
        TransferOpened opened = (TransferOpened) out.get(0).value();
        assertThat(opened.getDetails().getKind()).isEqualTo(TransferKind.CHANGE_RESELLER);
        assertThat(opened.getDetails().getParties()).hasSize(4);
        // issue 23: the directory's names travel in the details, so every later event of the transfer has them
        assertThat(List.of(opened.getDetails().getProductName(), opened.getDetails().getOfferName(),
                String.valueOf(opened.getDetails().getFromBillingAccountName()),
                opened.getDetails().getToBillingAccountName())).containsExactly("Vendor Analytics", "Analytics Pro",
                        "null", "Acme Europe");
        TransferState state = driver.<String, TransferState>getKeyValueStore(TransferTopology.TRANSFERS_STORE)
                .get("E-1");
        assertThat(state.getStatus()).isEqualTo(TransferStatus.AWAITING_CONSENT);
        assertThat(driver.<String, String>getKeyValueStore(TransferTopology.TRANSFER_IDS_STORE)
                .get(opened.getDetails().getTransferId())).isEqualTo("E-1");
        assertThat(registry.counter(MetricNames.OUTCOMES, "service", "transfer-service", "type", "TransferOpened")
                .count()).isEqualTo(1.0);
    }

    // X2: the same request (same eventId) twice decides once
    @Test
    void aRedeliveredRequestChangesNothing() {
        commands.pipeInput("E-1", request("r-1"));
        commands.pipeInput("E-1", request("r-1"));

        assertThat(events.readValuesToList()).hasSize(1);
        assertThat(registry.counter(MetricNames.DUPLICATES, "service", "transfer-service", "topic",
                Topics.TRANSFERS_COMMANDS).count()).isEqualTo(1.0);
    }

    // T3
    @Test
    void anIncompleteRequestBecomesAnInfoRequestNotAnError() {
        commands.pipeInput("E-1", TransferRequested.newBuilder(request("r-2")).setTargetBillingAccountId(null).build());

        List<SpecificRecord> out = events.readValuesToList();
        assertThat(out).singleElement().isInstanceOf(TransferInfoRequested.class);
        assertThat(registry.counter(MetricNames.REFUSALS, "service", "transfer-service", "type",
                "TransferInfoRequested", "reason", "MISSING").count()).isEqualTo(1.0);
    }

    // X1
    @Test
    void garbageIsDeadLetteredAndTheNextRequestIsProcessed() {
        rawCommands.pipeInput("E-1", new byte[] {1, 2, 3});
        commands.pipeInput("E-1", request("r-3"));

        assertThat(driver.createOutputTopic(Topics.dlt(Topics.TRANSFERS_COMMANDS), new StringDeserializer(),
                new org.apache.kafka.common.serialization.ByteArrayDeserializer()).readValuesToList())
                .containsExactly(new byte[] {1, 2, 3});
        assertThat(events.readValuesToList()).singleElement().isInstanceOf(TransferOpened.class);
    }

    // T5, T6: the last approval completes the transfer and the entitlement move goes to entitlements.events
    @Test
    void everyApprovalCompletesTheTransferAndMovesTheEntitlement() {
        commands.pipeInput("E-1", request("r-4"));
        String transferId = ((TransferOpened) events.readValue()).getDetails().getTransferId();
        List<String[]> parties = List.of(new String[] {"CUSTOMER", "C-1"}, new String[] {"ISV", "ISV-1"},
                new String[] {"CURRENT_RESELLER", "R-1"}, new String[] {"TARGET_RESELLER", "R-2"});
        int i = 0;
        for (String[] party : parties) {
            commands.pipeInput("E-1", new TransferConsentSubmitted(meta("c-" + i++), transferId, "E-1",
                    PartyRole.valueOf(party[0]), party[1], ConsentDecision.APPROVE, "upstream"));
        }

        List<SpecificRecord> outcomes = events.readValuesToList();
        assertThat(outcomes).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "TransferConsentRecorded", "TransferConsentRecorded", "TransferConsentRecorded",
                "TransferConsentRecorded", "TransferCompleted");
        assertThat(((TransferCompleted) outcomes.get(4)).getDetails().getOfferName()).isEqualTo("Analytics Pro");
        var moved = moves.readRecordsToList();
        assertThat(moved).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("E-1");
            assertThat(((EntitlementMoved) r.value()).getToBillingAccountId()).isEqualTo("BA-2");
        });
        // the move comes back through entitlements.events: the entitlement now sits on BA-2
        entitlements.pipeInput("E-1", moved.get(0).value());
        commands.pipeInput("E-1", TransferRequested.newBuilder(request("r-5")).setCurrentBillingAccountId("BA-2")
                .setTargetBillingAccountId("BA-1").build());
        assertThat(events.readValue()).isInstanceOf(TransferOpened.class);
        assertThat(registry.get(TransferMetrics.TRANSFERS).tags("kind", "CHANGE_RESELLER", "outcome", "completed")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.get(TransferMetrics.APPROVAL_LATENCY).timer().count()).isEqualTo(4);
    }

    // T8: deadlines fire on clock ticks, found through the deadline index
    @Test
    void ticksRemindAndExpireOpenTransfers() {
        commands.pipeInput("E-1", request("r-6"));
        events.readValue();

        commands.pipeInput("clock", new ClockTicked(meta("tick-a"), T0.plus(Duration.ofDays(1))));
        assertThat(events.isEmpty()).isTrue();
        commands.pipeInput("clock", new ClockTicked(meta("tick-b"), T0.plus(Duration.ofDays(3))));
        assertThat(events.readValue()).isInstanceOf(TransferReminded.class);
        commands.pipeInput("clock", new ClockTicked(meta("tick-c"), T0.plus(Duration.ofDays(14))));
        assertThat(events.readValue()).isInstanceOf(TransferExpired.class);
        commands.pipeInput("clock", new ClockTicked(meta("tick-d"), T0.plus(Duration.ofDays(30))));
        assertThat(events.isEmpty()).isTrue();
    }

    @Test
    void ticksAndForeignEventsProduceNoOutcome() {
        commands.pipeInput("clock", new ClockTicked(meta("tick-1"), T0.plusSeconds(60)));
        commands.pipeInput("E-1", new EntitlementActivated(meta("misplaced"), "E-9", "O", "I", "B"));

        assertThat(events.isEmpty()).isTrue();
        assertThat(registry.counter(MetricNames.REFUSALS, "service", "transfer-service", "type",
                "EntitlementActivated", "reason", "UNSUPPORTED_ON_TOPIC").count()).isEqualTo(1.0);
    }
}
