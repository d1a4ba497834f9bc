package io.channelhub.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first filter: a request body over the limit is refused (413 problem) on the bytes actually read, whether
 * its length was announced or it comes chunked. Three ways in, one answer:
 * <ul>
 *   <li>a {@code Content-Length} over the limit is refused before anything reads the body;</li>
 *   <li>form parameters are parsed here, before any other filter, by Tomcat under its own limits
 *       ({@code server.tomcat.max-http-form-post-size} = the same limit, {@code server.tomcat.max-parameter-count}),
 *       so a chunked form over them is refused here instead of failing in whichever code first asks for a
 *       parameter (a 500 with a stack trace);</li>
 *   <li>anything else that reads the body reads it through a count that stops at the limit.</li>
 * </ul>
 * A body no endpoint reads is never read: Tomcat swallows up to {@code server.tomcat.max-swallow-size} of it and
 * then drops the connection.
 */
final class BodyLimit extends OncePerRequestFilter {

    private final long limit;

    BodyLimit(DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            tooLarge(request, response);
            return;
        }
        try {
            request.getParameterMap();
        } catch (InvalidParameterException e) {
            if (e.getErrorCode() == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
                tooLarge(request, response);
            } else {
                response.setHeader("Connection", "close");
                HttpProblems.write(request, response, HttpServletResponse.SC_BAD_REQUEST, "MALFORMED_PARAMETERS",
                        "Malformed parameters", "The query or form parameters could not be read: malformed, or "
                                + "more of them than any endpoint takes.");
            }
            return;
        }
        try {
            chain.doFilter(new Counted(request, limit), response);
        } catch (BodyTooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(request, response);
            }
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close"); // the rest of the body is not read, so the connection ends
        HttpProblems.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "BODY_TOO_LARGE",
                "Request too large", "Request bodies are limited to " + limit + " bytes.");
    }

    /** Thrown by the counted body on the first byte past the limit. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("Request body over the limit");
        }
    }

    /** The request whose body, read any way, stops at the limit. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountedStream(super.getInputStream(), limit);
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8;
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        CountedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
