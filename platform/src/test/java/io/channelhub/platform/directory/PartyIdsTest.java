package io.channelhub.platform.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.DeadLetters;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: a party id names one party of one kind. The directory's copy refuses a registration whose id already
 * names a party of another kind: it reaches the DLT with the reason, is counted, and never the service's table.
 */
class PartyIdsTest {

    private static final String SERVICE = "test-service";
    private static final String TABLE = ReferenceTable.tableTopic(SERVICE, Topics.DIRECTORY_EVENTS);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, SpecificRecord> directory;
    private TestOutputTopic<String, SpecificRecord> table;
    private TestOutputTopic<String, SpecificRecord> dlt;

    @BeforeEach
    void start() {
        Topology topology = new Topology();
        ReferenceTable.addGlobalStore(topology, SERVICE, Topics.DIRECTORY_EVENTS, "directory", registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "party-ids-test");
        driver = new TopologyTestDriver(topology, props);
        directory = driver.createInputTopic(Topics.DIRECTORY_EVENTS, new StringSerializer(), new EventSerde());
        table = driver.createOutputTopic(TABLE, new StringDeserializer(), new EventSerde());
        dlt = driver.createOutputTopic(Topics.dlt(Topics.DIRECTORY_EVENTS), new StringDeserializer(),
                new EventSerde());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void aResellerWithAnIsvsIdIsRefused() {
        register("isv:acme", isv("acme"));

        register("reseller:acme", reseller("acme"));

        assertThat(table.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("isv:acme");
        TestRecord<String, SpecificRecord> refused = dlt.readRecord();
        assertThat(refused.key()).isEqualTo("reseller:acme");
        assertThat(refused.value()).isInstanceOf(ResellerRegistered.class);
        assertThat(header(refused, DeadLetters.HEADER_EXCEPTION)).isEqualTo(PartyIds.TAKEN);
        assertThat(header(refused, DeadLetters.HEADER_MESSAGE))
                .contains("the reseller id acme already names an isv");
        assertThat(header(refused, DeadLetters.HEADER_TOPIC)).isEqualTo(Topics.DIRECTORY_EVENTS);
        assertThat(registry.counter(MetricNames.REFUSALS, "service", SERVICE, "type", "ResellerRegistered",
                "reason", PartyIds.TAKEN).count()).isEqualTo(1.0);
        assertThat(dlt.isEmpty()).isTrue();
    }

    @Test
    void anIsvWithAResellersOrACustomersIdIsRefused() {
        register("reseller:northwind", reseller("northwind"));
        register("account:A-1", account("A-1", "globex", "northwind"));

        register("isv:northwind", isv("northwind"));
        register("isv:globex", isv("globex"));

        assertThat(table.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactly("reseller:northwind", "account:A-1");
        assertThat(dlt.readKeyValuesToList()).extracting(kv -> kv.key)
                .containsExactly("isv:northwind", "isv:globex");
    }

    @Test
    void anAccountWhoseCustomerIdNamesAnOrganisationIsRefused() {
        register("isv:acme", isv("acme"));
        register("reseller:northwind", reseller("northwind"));

        register("account:A-1", account("A-1", "acme", null));
        register("account:A-2", account("A-2", "northwind", null));

        assertThat(dlt.readKeyValuesToList()).extracting(kv -> kv.key).containsExactly("account:A-1", "account:A-2");
    }

    // the same party registered again is an update; another account of the same customer is no collision
    @Test
    void theSamePartyAgainAndDistinctIdsAreAdmitted() {
        register("isv:acme", isv("acme"));
        register("reseller:northwind", reseller("northwind"));
        register("account:A-1", account("A-1", "globex", "northwind"));

        register("isv:acme", isv("acme"));
        register("reseller:northwind", reseller("northwind"));
        register("account:A-2", account("A-2", "globex", null));

        assertThat(table.readKeyValuesToList()).hasSize(6);
        assertThat(dlt.isEmpty()).isTrue();
    }

    private void register(String key, SpecificRecord event) {
        directory.pipeInput(key, event);
    }

    private static String header(TestRecord<String, SpecificRecord> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static EventMeta meta() {
        return EventMeta.newBuilder().setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.parse("2030-01-01T00:00:00Z")).setProducer("upstream").build();
    }

    private static IsvRegistered isv(String id) {
        return new IsvRegistered(meta(), id, "ISV " + id, "isv@example.com", true);
    }

    private static ResellerRegistered reseller(String id) {
        return new ResellerRegistered(meta(), id, "Reseller " + id, "r@example.com", "IT", java.util.List.of(), null);
    }

    private static BillingAccountRegistered account(String id, String customer, String reseller) {
        return new BillingAccountRegistered(meta(), id, customer, "Customer " + customer, "c@example.com", reseller,
                null);
    }
}
