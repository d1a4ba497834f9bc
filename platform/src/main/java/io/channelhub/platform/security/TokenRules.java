package io.channelhub.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * What makes a signed token one this service takes, checked on every token whatever decoder checked its
 * signature (JWKS, OIDC discovery or a PEM key): issued by the configured issuer ({@code iss}), for one of the
 * configured audiences ({@code aud}), with an expiry ({@code exp}), and current within a bounded clock skew
 * ({@code exp}, {@code nbf}). A token signed by the trusted key but missing any of these is refused (401): the key
 * may sign tokens for other services, and a token that never expires is a credential that never ends.
 */
final class TokenRules implements JwtDecoder {

    /** More skew than this would let an expired token live on; clocks synchronised by NTP are far closer. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private final JwtDecoder signatures;
    private final OAuth2TokenValidator<Jwt> rules;

    private TokenRules(JwtDecoder signatures, OAuth2TokenValidator<Jwt> rules) {
        this.signatures = signatures;
        this.rules = rules;
    }

    /**
     * @throws IllegalStateException at start, when the issuer or audience is not configured or the skew is out of
     *         bounds: a service that would take anyone's token does not start
     */
    static JwtDecoder checking(JwtDecoder signatures, String issuer, Collection<String> audiences,
            Duration clockSkew) {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalStateException("No token issuer is configured: set channelhub.security.token.issuer "
                    + "(CHANNELHUB_SECURITY_TOKEN_ISSUER) to the iss claim of the identity provider's tokens; see "
                    + "docs/security.md.");
        }
        List<String> accepted = audiences == null ? List.of()
                : audiences.stream().filter(a -> a != null && !a.isBlank()).toList();
        if (accepted.isEmpty()) {
            throw new IllegalStateException("No token audience is configured: set channelhub.security.token.audiences "
                    + "(CHANNELHUB_SECURITY_TOKEN_AUDIENCES) to the aud value the identity provider gives Channel "
                    + "Hub's tokens; see docs/security.md.");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalStateException("channelhub.security.token.clock-skew must be between 0 and "
                    + MAX_CLOCK_SKEW + ", not " + clockSkew + ".");
        }
        return new TokenRules(signatures, new DelegatingOAuth2TokenValidator<>(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(clockSkew),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(accepted::contains))));
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = signatures.decode(token);
        OAuth2TokenValidatorResult result = rules.validate(jwt);
        if (result.hasErrors()) {
            throw new JwtValidationException("The token does not meet this service's rules", result.getErrors());
        }
        return jwt;
    }
}
