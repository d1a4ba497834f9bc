package io.channelhub.localstack.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelhub.common.event.EventMeta;
import io.channelhub.localstack.Ports;
import io.channelhub.schemas.EventCatalog;
import io.channelhub.schemas.registry.ConfluentRegistryClient;
import io.channelhub.schemas.registry.EventSubjects;
import io.channelhub.schemas.registry.IncompatibleSchemaException;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.schemas.serde.EventWire;
import io.channelhub.schemas.testing.InMemorySchemaRegistry;
import io.channelhub.transfer.event.TransferRequested;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The serde and the registration against the real registry (Apicurio, as the local stack runs it): every subject
 * registered at its level, a breaking schema refused, a newer producer's schema read by this build.
 */
class LocalRegistryTest {

    private static LocalRegistry registry;
    private static ConfluentRegistryClient client;

    @BeforeAll
    static void start() {
        registry = LocalRegistry.start(LocalRegistry.home(), Ports.free(), Optional.empty(),
                Path.of("target", "schema-registry.log").toAbsolutePath());
        client = new ConfluentRegistryClient(registry.url());
        EventWire.use(client);
    }

    @AfterAll
    static void stop() {
        EventWire.use(InMemorySchemaRegistry.shared());
        registry.close();
    }

    // X2: every event type under its record-name subject, FULL_TRANSITIVE, the same ids when done again
    @Test
    void registersEverySubjectAtItsLevelAndAgainWithTheSameIds() throws Exception {
        Map<Class<? extends SpecificRecord>, Integer> ids = EventSubjects.registerAll(client);
        Map<Class<? extends SpecificRecord>, Integer> again = EventSubjects.registerAll(
                new ConfluentRegistryClient(registry.url()));

        assertThat(again).isEqualTo(ids).hasSize(EventCatalog.EVENT_TYPES.size());
        assertThat(get("/subjects")).contains("\"io.channelhub.transfer.event.TransferRequested\"",
                "\"io.channelhub.billing.event.InvoiceIssued\"");
        assertThat(get("/config/io.channelhub.transfer.event.TransferOpened")).contains("FULL_TRANSITIVE");
    }

    // X2: the registry refuses what would break a reader or a writer
    @Test
    void refusesABreakingSchema() {
        EventSubjects.registerAll(client);
        Schema current = TransferRequested.getClassSchema();
        Schema breaking = withField(current, "{\"name\": \"legacyCode\", \"type\": \"int\"}");

        assertThatThrownBy(() -> client.register(EventSubjects.subjectOf(current), breaking))
                .isInstanceOf(IncompatibleSchemaException.class).hasMessageContaining("409");
    }

    // X2: a producer rolls out a compatible new version before this build knows it: its records are still read
    @Test
    void readsRecordsOfANewerCompatibleSchemaItWasNotBuiltWith() throws Exception {
        EventSubjects.registerAll(client);
        Schema newer = withField(TransferRequested.getClassSchema(),
                "{\"name\": \"priority\", \"type\": [\"null\", \"string\"], \"default\": null}");
        int id = client.register(EventSubjects.subjectOf(newer), newer);
        GenericRecord meta = new GenericData.Record(newer.getField("meta").schema());
        meta.put("eventId", "e-newer");
        meta.put("occurredAt", Instant.parse("2026-12-06T10:00:00Z").toEpochMilli());
        meta.put("producer", "upstream-v2");
        GenericRecord record = new GenericData.Record(newer);
        record.put("meta", meta);
        record.put("entitlementId", "E-NEWER");
        record.put("priority", "high");

        SpecificRecord read = new EventSerde().decode(framed(id, newer, record));

        assertThat(read).isInstanceOf(TransferRequested.class);
        assertThat(((TransferRequested) read).getEntitlementId()).isEqualTo("E-NEWER");
        assertThat(((TransferRequested) read).getMeta()).isEqualTo(EventMeta.newBuilder().setEventId("e-newer")
                .setOccurredAt(Instant.parse("2026-12-06T10:00:00Z")).setProducer("upstream-v2").build());
        byte[] written = new EventSerde().encode(read);
        assertThat(written[0]).isZero();
        assertThat(client.schemaById(ByteBuffer.wrap(written, 1, 4).getInt()))
                .isEqualTo(TransferRequested.getClassSchema());
    }

    private static byte[] framed(int id, Schema schema, GenericRecord record) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static Schema withField(Schema schema, String fieldJson) {
        String json = schema.toString();
        int fields = json.indexOf("\"fields\":[") + "\"fields\":[".length();
        return new Schema.Parser().parse(json.substring(0, fields) + fieldJson + "," + json.substring(fields));
    }

    private static String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(registry.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
