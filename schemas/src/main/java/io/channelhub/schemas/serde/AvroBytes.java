package io.channelhub.schemas.serde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.apache.avro.message.BinaryMessageEncoder;

/** Single-object encoding to a plain byte array, as Kafka serializers need it. */
final class AvroBytes {
    private AvroBytes() {
    }

    static <T> byte[] encode(BinaryMessageEncoder<T> encoder, T datum) {
        try {
            ByteBuffer buffer = encoder.encode(datum);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
