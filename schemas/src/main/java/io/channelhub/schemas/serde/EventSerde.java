package io.channelhub.schemas.serde;

import io.channelhub.schemas.registry.EventRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Every event type of the catalogue in the Confluent wire format ({@code 00} + 4-byte registry id + Avro body,
 * see {@link ConfluentFraming}) against the registry bound in {@link EventWire}. A topic may carry several types:
 * the writer schema's name says which class decodes it. Records written before the registry, in Avro
 * single-object encoding ({@code C3 01} + 8-byte fingerprint + body), stay readable: the fingerprint finds the
 * shipped schema they were written with, resolved against the current class.
 */
public final class EventSerde implements Serde<SpecificRecord>, Serializer<SpecificRecord>, Deserializer<SpecificRecord> {

    static {
        AvroTrust.ensure();
    }

    private static final Map<Class<? extends SpecificRecord>, BinaryMessageDecoder<SpecificRecord>> DECODERS = new ConcurrentHashMap<>();

    private final EventRegistry registry = EventRegistry.get();

    /** Encodes one event in the Confluent wire format; its schema is registered on first use. */
    public byte[] encode(SpecificRecord event) {
        return EventWire.framing().encode(event);
    }

    /**
     * Decodes bytes of either wire format, written with any registered or shipped schema version.
     *
     * @throws SerializationException for anything that is not a well-formed message of a known event type
     */
    public SpecificRecord decode(byte[] bytes) {
        if (bytes != null && ConfluentFraming.isFramed(bytes)) {
            return EventWire.framing().decode(bytes);
        }
        return decodeSingleObject(bytes);
    }

    /** Avro single-object encoding, as every record was written before the registry (issue 20). */
    private SpecificRecord decodeSingleObject(byte[] bytes) {
        if (bytes == null || bytes.length < 10 || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
            throw new SerializationException("Neither the Confluent wire format (00 + schema id) nor Avro "
                    + "single-object encoding (C3 01)");
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        Class<? extends SpecificRecord> type = registry.readerFor(fingerprint);
        if (type == null) {
            throw new SerializationException("Unknown schema fingerprint " + Long.toHexString(fingerprint));
        }
        BinaryMessageDecoder<SpecificRecord> decoder = DECODERS.computeIfAbsent(type, this::decoderFor);
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot decode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private BinaryMessageDecoder<SpecificRecord> decoderFor(Class<? extends SpecificRecord> type) {
        BinaryMessageDecoder<SpecificRecord> decoder = new BinaryMessageDecoder<>(SpecificData.getForClass(type),
                EventRegistry.schemaOf(type), registry);
        registry.historyOf(type).forEach(decoder::addSchema);
        return decoder;
    }

    @Override
    public byte[] serialize(String topic, SpecificRecord data) {
        return data == null ? null : AvroBytes.withinRecordSize(encode(data), topic, data);
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return data == null ? null : decode(data);
    }

    @Override
    public Serializer<SpecificRecord> serializer() {
        return this;
    }

    @Override
    public Deserializer<SpecificRecord> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
    }

    @Override
    public void close() {
    }
}
