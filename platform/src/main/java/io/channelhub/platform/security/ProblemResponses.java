package io.channelhub.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 from the security filters as RFC 9457 problems, like every other refusal, with the bearer
 * {@code WWW-Authenticate} challenge (RFC 6750) that tells a client what was wrong with its token. The detail
 * never repeats the token or why exactly its signature failed.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.commence(request, response, e);
        // a token was presented and refused; without one, the filters report "insufficient authentication"
        boolean badToken = e instanceof OAuth2AuthenticationException;
        HttpProblems.write(request, response, HttpServletResponse.SC_UNAUTHORIZED,
                badToken ? "INVALID_TOKEN" : "UNAUTHENTICATED", "Not signed in", badToken
                        ? "The bearer token is not valid: expired, not yet valid, not signed by the configured "
                                + "issuer, not for this audience, or naming no party. Sign in again for a new one."
                        : "This endpoint needs a bearer token (Authorization: Bearer …) from the identity provider.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        denied.handle(request, response, e);
        HttpProblems.write(request, response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "Not allowed",
                "Your role may not use this endpoint.");
    }
}
