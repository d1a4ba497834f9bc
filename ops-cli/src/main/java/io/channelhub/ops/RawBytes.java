package io.channelhub.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Bytes nobody could decode (a dead letter's key, value and headers) shown to a person: as text when they are
 * text, else as hex.
 */
final class RawBytes {
    private RawBytes() {
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final int PREVIEW_CHARS = 40;
    private static final int PREVIEW_BYTES = 16;

    /**
     * The bytes as a string when they are valid UTF-8 and free of control characters (tabs and line breaks
     * aside), else null: binary such as Avro is often valid UTF-8 by chance, but rarely without a control byte.
     */
    static String text(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        boolean control = text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t' && c != '\n'
                && c != '\r');
        return control ? null : text;
    }

    /** One short token for a line: {@code "text…" (N bytes)}, {@code hex:00c37f… (N bytes)} or {@code null}. */
    static String preview(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        String text = text(bytes);
        String shown;
        if (text != null) {
            shown = quoted(text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "…" : text);
        } else {
            shown = "hex:" + HEX.formatHex(bytes, 0, Math.min(bytes.length, PREVIEW_BYTES))
                    + (bytes.length > PREVIEW_BYTES ? "…" : "");
        }
        return shown + " (" + bytes.length + " bytes)";
    }

    /** A key or header value as text if it is text, else {@code hex:...}; whole. */
    static String textOrHex(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        String text = text(bytes);
        return text != null ? text : "hex:" + HEX.formatHex(bytes);
    }

    /**
     * Sixteen bytes a line: offset, hex, and the printable ASCII ones, as {@code xxd} and {@code hexdump -C}
     * show them, so an operator can spot the magic bytes or a stray text prefix.
     */
    static String hexDump(byte[] bytes) {
        StringBuilder dump = new StringBuilder();
        for (int line = 0; line < bytes.length; line += 16) {
            dump.append(String.format("%08x  ", line));
            StringBuilder ascii = new StringBuilder();
            for (int i = line; i < line + 16; i++) {
                if (i < bytes.length) {
                    dump.append(HEX.toHexDigits(bytes[i])).append(' ');
                    ascii.append(bytes[i] >= 0x20 && bytes[i] < 0x7f ? (char) bytes[i] : '.');
                } else {
                    dump.append("   ");
                }
                if (i == line + 7) {
                    dump.append(' ');
                }
            }
            dump.append(" |").append(ascii).append('|').append(System.lineSeparator());
        }
        return dump.toString();
    }

    /** A string for one line of output: quoted, with line breaks and quotes escaped as in JSON. */
    static String quoted(String text) {
        try {
            return Json.MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
