package io.channelhub.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit before anything reads it (413 problem). No endpoint takes more than a
 * form's worth; a body sent without a length is never read by any endpoint, and Tomcat drops the connection
 * once it has swallowed {@code server.tomcat.max-swallow-size}.
 */
final class BodyLimit extends OncePerRequestFilter {

    private final DataSize limit;

    BodyLimit(DataSize limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit.toBytes()) {
            response.setHeader("Connection", "close");
            ProblemResponses.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "BODY_TOO_LARGE", "Request too large", "Request bodies are limited to " + limit.toBytes()
                            + " bytes.");
            return;
        }
        chain.doFilter(request, response);
    }
}
