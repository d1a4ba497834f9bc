package io.channelhub.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/**
 * Each thread's buffer and Avro coders, reused from record to record: a buffered encoder writes a record's many small
 * fields into its own buffer rather than one by one into a stream, and a decoder reads straight from the array
 * (D-120, D-126). Events and stored states both use them; neither encodes inside the other.
 */
final class AvroCoders {

    private static final ThreadLocal<AvroCoders> PER_THREAD = ThreadLocal.withInitial(AvroCoders::new);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    private BinaryEncoder encoder;
    private BinaryDecoder decoder;

    private AvroCoders() {
    }

    static AvroCoders ofThisThread() {
        return PER_THREAD.get();
    }

    /** {@code header}, then {@code datum}'s Avro binary body. */
    <D> byte[] encode(byte[] header, DatumWriter<D> writer, D datum) throws IOException {
        out.reset();
        out.writeBytes(header);
        encoder = EncoderFactory.get().binaryEncoder(out, encoder);
        writer.write(datum, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    /** The Avro binary body that starts at {@code offset}. */
    <D> D decode(byte[] bytes, int offset, DatumReader<D> reader) throws IOException {
        decoder = DecoderFactory.get().binaryDecoder(bytes, offset, bytes.length - offset, decoder);
        return reader.read(null, decoder);
    }
}
