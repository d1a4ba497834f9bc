package io.channelhub.platform.approvals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** T4, T5: approval links carry a token that only the deployment's key can make. */
class ApprovalTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final ApprovalTokens tokens = new ApprovalTokens("k".repeat(32), ApprovalTokens.TRANSFERS);
    private final ApprovalTokens.Claim claim = new ApprovalTokens.Claim("T-1", "E-1", "ISV", "ISV-1", "APPROVE",
            NOW.plusSeconds(3600));

    @Test
    void aSignedTokenVerifiesToItsClaim() {
        assertThat(tokens.verify(tokens.sign(claim), NOW)).isEqualTo(new ApprovalTokens.Valid(claim));
    }

    @Test
    void aTokenWithAnyClaimAlteredIsForged() {
        String token = tokens.sign(claim);
        String reject = tokens.sign(new ApprovalTokens.Claim("T-1", "E-1", "ISV", "ISV-1", "REJECT",
                claim.expiresAt()));
        // the approve claim with the reject token's signature
        String spliced = token.substring(0, token.lastIndexOf('.')) + reject.substring(reject.lastIndexOf('.'));
        assertThat(tokens.verify(spliced, NOW)).isEqualTo(new ApprovalTokens.Invalid("FORGED"));
        assertThat(new ApprovalTokens("another key of thirty-two chars!", ApprovalTokens.TRANSFERS).verify(token, NOW))
                .isEqualTo(new ApprovalTokens.Invalid("FORGED"));
    }

    @Test
    void anExpiredOrMalformedTokenIsRefused() {
        assertThat(tokens.verify(tokens.sign(claim), claim.expiresAt())).isEqualTo(new ApprovalTokens.Invalid("EXPIRED"));
        assertThat(tokens.verify("not-a-token", NOW)).isEqualTo(new ApprovalTokens.Invalid("MALFORMED"));
        assertThat(tokens.verify("a.b.c.d.e.f.!!!", NOW)).isEqualTo(new ApprovalTokens.Invalid("MALFORMED"));
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new ApprovalTokens("short", ApprovalTokens.TRANSFERS)).hasMessageContaining("channelhub.approvals.key");
    }
}
