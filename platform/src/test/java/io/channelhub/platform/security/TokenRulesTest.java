package io.channelhub.platform.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Issue 18: a service that would take any issuer's or audience's token does not start. */
class TokenRulesTest {

    private static final JwtDecoder SIGNATURES = token -> {
        throw new AssertionError("not decoding at start");
    };

    @Test
    void theIssuerAndAudienceMustBeConfiguredAndTheSkewBounded() {
        assertThatThrownBy(() -> TokenRules.checking(SIGNATURES, "", List.of("channel-hub"), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("channelhub.security.token.issuer");
        assertThatThrownBy(() -> TokenRules.checking(SIGNATURES, "https://idp.example", List.of(" "),
                Duration.ofSeconds(30))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("channelhub.security.token.audiences");
        assertThatThrownBy(() -> TokenRules.checking(SIGNATURES, "https://idp.example", List.of("channel-hub"),
                Duration.ofMinutes(10))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clock-skew");
    }
}
