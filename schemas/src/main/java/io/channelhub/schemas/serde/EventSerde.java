package io.channelhub.schemas.serde;

import io.channelhub.schemas.registry.EventRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Avro single-object encoding ({@code C3 01} + 8-byte schema fingerprint + binary body) for every event type of
 * the catalogue. A topic may carry several types: the fingerprint says which class decodes the message, and
 * messages written with an older shipped schema are resolved against the current class.
 */
public final class EventSerde implements Serde<SpecificRecord>, Serializer<SpecificRecord>, Deserializer<SpecificRecord> {

    static {
        AvroTrust.ensure();
    }

    private static final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> ENCODERS = new ConcurrentHashMap<>();
    private static final Map<Class<? extends SpecificRecord>, BinaryMessageDecoder<SpecificRecord>> DECODERS = new ConcurrentHashMap<>();

    private final EventRegistry registry = EventRegistry.get();

    /** Encodes one event; the bytes are self-describing. */
    public byte[] encode(SpecificRecord event) {
        BinaryMessageEncoder<SpecificRecord> encoder = ENCODERS.computeIfAbsent(event.getClass(),
                c -> new BinaryMessageEncoder<>(SpecificData.getForClass(c), event.getSchema()));
        return AvroBytes.encode(encoder, event);
    }

    /**
     * Decodes bytes written by {@link #encode} with any shipped schema version.
     *
     * @throws SerializationException for anything that is not a well-formed message of a known event type
     */
    public SpecificRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < 10 || bytes[0] != (byte) 0xC3 || bytes[1] != (byte) 0x01) {
            throw new SerializationException("Not an Avro single-object encoded message (no C3 01 header)");
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
