package io.channelhub.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelhub.common.event.EventMeta;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferRequested;
import io.channelhub.entitlement.event.EntitlementActivated;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import io.channelhub.schemas.testing.InMemorySchemaRegistry;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class EventSerdeTest {

    private final EventSerde serde = new EventSerde();

    static EventMeta meta(String id) {
        return EventMeta.newBuilder().setEventId(id).setOccurredAt(Instant.parse("2026-11-23T10:00:00Z"))
                .setProducer("test").build();
    }

    @Test
    void writesTheConfluentWireFormatAndReadsBackTheRightTypeFromOneTopic() {
        SpecificRecord request = TransferRequested.newBuilder().setMeta(meta("e-1")).setEntitlementId("E-1")
                .setKind(TransferKind.CHANGE_RESELLER).build();
        SpecificRecord fact = EntitlementActivated.newBuilder().setMeta(meta("e-2")).setEntitlementId("E-1")
                .setOfferId("O-1").setIsvId("I-1").setBillingAccountId("BA-1").build();

        byte[] requestBytes = serde.serialize("t", request);
        byte[] factBytes = serde.serialize("t", fact);

        assertThat(requestBytes[0]).isZero();
        int id = java.nio.ByteBuffer.wrap(requestBytes, 1, 4).getInt();
        assertThat(InMemorySchemaRegistry.shared().schemaById(id)).isEqualTo(TransferRequested.getClassSchema());
        assertThat(serde.deserialize("t", requestBytes)).isEqualTo(request).isInstanceOf(TransferRequested.class);
        assertThat(serde.deserialize("t", factBytes)).isEqualTo(fact).isInstanceOf(EntitlementActivated.class);
    }

    @Test
    void refusesBytesThatAreNotAnEventWithAClearError() {
        assertThatThrownBy(() -> serde.deserialize("t", "{\"not\": \"avro\"}".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("C3 01").hasMessageContaining("00 + schema id");
        byte[] unknownFingerprint = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};
        assertThatThrownBy(() -> serde.deserialize("t", unknownFingerprint))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Unknown schema fingerprint");
    }

    @Test
    void readsATopicHoldingRecordsWrittenBeforeTheRegistryNextToNewOnes() throws Exception {
        TransferRequested old = TransferRequested.newBuilder().setMeta(meta("e-old")).setEntitlementId("E-1")
                .setKind(TransferKind.CHANGE_RESELLER).build();
        byte[] singleObject = new BinaryMessageEncoder<TransferRequested>(SpecificData.getForClass(
                TransferRequested.class), TransferRequested.getClassSchema()).encode(old).array();
        TransferRequested current = TransferRequested.newBuilder(old).setMeta(meta("e-new")).build();

        assertThat(Arrays.copyOf(singleObject, 2)).containsExactly(0xC3, 0x01);
        assertThat(serde.deserialize("t", singleObject)).isEqualTo(old);
        assertThat(serde.deserialize("t", serde.serialize("t", current))).isEqualTo(current);
    }

    @Test
    void refusesASchemaIdTheRegistryDoesNotKnow() {
        byte[] unknownId = {0, 0x7f, 0, 0, 1, 2};
        assertThatThrownBy(() -> serde.deserialize("t", unknownId)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema id 2130706433");
    }

    @Test
    void refusesATruncatedBodyOfAKnownType() {
        byte[] bytes = serde.serialize("t", TransferRequested.newBuilder().setMeta(meta("e-3")).setOfferId("O-9")
                .build());
        byte[] truncated = Arrays.copyOf(bytes, 14);
        assertThatThrownBy(() -> serde.deserialize("t", truncated)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("TransferRequested");
    }

    @Test
    void everyCatalogueTypeRoundTrips() {
        for (Class<? extends SpecificRecord> type : EventCatalog.EVENT_TYPES) {
            assertThat(EventCatalog.byName(type.getSimpleName())).contains(type);
            assertThat(EventCatalog.byName(type.getName())).contains(type);
        }
        assertThat(EventCatalog.byName("NoSuchEvent")).isEmpty();
    }
}
