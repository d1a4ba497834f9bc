package io.channelhub.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelhub.common.event.EventMeta;
import io.channelhub.schemas.registry.EventRegistry;
import io.channelhub.transfer.event.Contact;
import io.channelhub.transfer.event.TransferDetails;
import io.channelhub.transfer.event.TransferKind;
import io.channelhub.transfer.event.TransferRequested;
import io.channelhub.transfer.state.TransferState;
import io.channelhub.transfer.state.TransferStatus;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.message.BadHeaderException;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.message.MissingSchemaException;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

class StateSerdeTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** Issue 23 added names to TransferDetails: a transfer stored before the upgrade is still read, names empty. */
    @Test
    void readsAStateWrittenWithTheFirstShippedSchemaIntoTheCurrentOne() throws Exception {
        List<Schema> history = EventRegistry.loadHistory(TransferState.class.getName());
        assertThat(history).hasSizeGreaterThanOrEqualTo(2).last().isEqualTo(TransferState.getClassSchema());
        TransferState state = state();
        // the first schema's fields are a prefix of today's, so the same record writes as a v1 value
        ByteBuffer v1 = new BinaryMessageEncoder<TransferState>(SpecificData.getForClass(TransferState.class),
                history.get(0)).encode(state);

        TransferState read = new StateSerde<>(TransferState.class, TransferState.getClassSchema())
                .deserialize("transfers-changelog", v1.array());

        assertThat(read).isEqualTo(state);
        assertThat(read.getDetails().getOfferName()).isNull();
    }

    /** D-126: the buffered coders write what Avro's message encoder writes, and read it back. */
    @Test
    void writesAvrosSingleObjectEncodingByteForByte() throws Exception {
        TransferState state = state();
        StateSerde<TransferState> serde = new StateSerde<>(TransferState.class, TransferState.getClassSchema());
        ByteBuffer expected = new BinaryMessageEncoder<TransferState>(SpecificData.getForClass(TransferState.class),
                TransferState.getClassSchema()).encode(state);
        byte[] bytes = new byte[expected.remaining()];
        expected.get(bytes);

        assertThat(serde.serialize("transfers-changelog", state)).isEqualTo(bytes);
        assertThat(serde.deserialize("transfers-changelog", bytes)).isEqualTo(state);
    }

    @Test
    void refusesBytesThatAreNotAStateOfAKnownSchema() {
        StateSerde<TransferState> serde = new StateSerde<>(TransferState.class, TransferState.getClassSchema());
        byte[] bytes = serde.serialize("transfers-changelog", state());
        bytes[5] ^= 1; // another fingerprint

        assertThatThrownBy(() -> serde.deserialize("transfers-changelog", bytes))
                .isInstanceOf(MissingSchemaException.class);
        assertThatThrownBy(() -> serde.deserialize("transfers-changelog", new byte[] {0, 1, 2}))
                .isInstanceOf(BadHeaderException.class);
    }

    private static TransferState state() {
        TransferDetails details = TransferDetails.newBuilder().setTransferId("T-E-1")
                .setKind(TransferKind.CHANGE_BILLING_ACCOUNT).setCustomerCompanyName("Globex").setEntitlementId("E-1")
                .setOfferId("O-1").setIsvId("ISV-1").setFromBillingAccountId("BA-1").setToBillingAccountId("BA-2")
                .setContact(new Contact("Ada", "ada@globex.example")).setParties(List.of()).build();
        return TransferState.newBuilder().setTransferId("T-E-1").setStatus(TransferStatus.AWAITING_CONSENT)
                .setRequest(TransferRequested.newBuilder().setMeta(EventMeta.newBuilder().setEventId("e-1")
                        .setOccurredAt(T0).setProducer("test").build()).setEntitlementId("E-1").build())
                .setDetails(details).setSince(T0).setExpiresAt(T0.plusSeconds(86_400)).build();
    }
}
