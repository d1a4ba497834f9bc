package io.channelhub.platform.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 written by hand, for what no HTTP client will send: malformed paths, oversized headers, chunked bodies
 * that never end in time. The body is written while the answer is read, as a server that refuses early answers
 * before the body is through (and then closes the connection under it).
 */
final class RawHttp {

    /** The answer: status, head (lower-cased) and body as text. */
    record Answer(int status, String head, String body) {
    }

    /** Writes one chunk after another; the stream may break under it once the server has answered. */
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    private RawHttp() {
    }

    static Answer send(int port, String head, Body body) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    body.writeTo(out);
                    out.flush();
                } catch (IOException e) {
                    // the server answered and closed: what it said is read below
                }
            });
            String answer = readAll(socket.getInputStream());
            writing.get(20, TimeUnit.SECONDS);
            int headEnd = answer.indexOf("\r\n\r\n");
            String responseHead = headEnd < 0 ? answer : answer.substring(0, headEnd);
            String responseBody = headEnd < 0 ? "" : answer.substring(headEnd + 4);
            return new Answer(Integer.parseInt(responseHead.substring(9, 12)),
                    responseHead.toLowerCase(java.util.Locale.ROOT), responseBody);
        }
    }

    static Answer get(int port, String target, String... headers) throws Exception {
        return send(port, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + String.join("", java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList()) + "\r\n",
                out -> { });
    }

    /** A chunked body of {@code chunks} chunks of {@code chunk}. */
    static Body chunked(byte[] chunk, int chunks) {
        return out -> {
            byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < chunks; i++) {
                out.write(size);
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        };
    }

    private static String readAll(InputStream in) {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // reset after the answer: keep what came
        }
        return read.toString(StandardCharsets.UTF_8);
    }
}
