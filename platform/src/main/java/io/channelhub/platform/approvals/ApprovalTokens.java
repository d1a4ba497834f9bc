package io.channelhub.platform.approvals;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed decision links (T4, T5, D3): notification-service signs one token per party and decision, the deciding
 * service verifies it before publishing the decision. HMAC-SHA256 with a per-deployment key over every claim and
 * the token's purpose, so a token cannot be altered to decide on something else, as another party, or the other
 * way round, nor be used at another purpose's endpoint (a discount acceptance is no transfer approval); it
 * expires with what it decides on. Format: base64url fields joined by dots, the signature last.
 */
public final class ApprovalTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int FIELDS = 6;

    public static final String KEY_PROPERTY = "channelhub.approvals.key";
    /** Transfer consents (T5): subject = transferId, key = entitlementId. */
    public static final String TRANSFERS = "transfer-consent";
    /** Discount acceptances (D3): subject = discountId, key = {@code <isvId>|<resellerId>}. */
    public static final String DISCOUNTS = "discount-acceptance";

    /**
     * What a token grants: this party may give this decision on this subject until {@code expiresAt}. {@code key}
     * is the subject's partition key, so the endpoint can publish without a lookup.
     */
    public record Claim(String subjectId, String key, String role, String partyId, String decision,
            Instant expiresAt) {
    }

    /** The outcome of checking a token. */
    public sealed interface Verification permits Valid, Invalid {
    }

    public record Valid(Claim claim) implements Verification {
    }

    /** Every {@link Invalid#reason()}: counted as refusals, registered at 0 at start (docs/metrics.md). */
    public static final List<String> REFUSAL_REASONS = List.of("MALFORMED", "FORGED", "EXPIRED");

    /** {@code reason}: MALFORMED, FORGED or EXPIRED. */
    public record Invalid(String reason) implements Verification {
    }

    private final SecretKeySpec key;
    private final String purpose;

    public ApprovalTokens(String secret, String purpose) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException("The approval-link key must be at least 32 characters "
                    + "(channelhub.approvals.key)");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.purpose = purpose;
    }

    /**
     * The tokens of a service that verifies links, from its configuration. No default key on purpose: a default
     * would sit in the repository, and anyone reading it could decide anything. Without the key the service
     * refuses to start rather than refuse every link at run time.
     */
    public static ApprovalTokens configured(String key, String purpose, String service) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(KEY_PROPERTY + " is not set: " + service + " verifies the links "
                    + "notification-service signs with it; set the same secret (32+ characters) for every service, "
                    + "e.g. as the environment variable CHANNELHUB_APPROVALS_KEY.");
        }
        return new ApprovalTokens(key, purpose);
    }

    public String sign(Claim claim) {
        String payload = String.join(".", field(claim.subjectId()), field(claim.key()),
                field(claim.role()), field(claim.partyId()), field(claim.decision()),
                field(Long.toString(claim.expiresAt().getEpochSecond())));
        return payload + "." + ENCODER.encodeToString(mac(payload));
    }

    public Verification verify(String token, Instant now) {
        if (token == null) {
            return new Invalid("MALFORMED");
        }
        int lastDot = token.lastIndexOf('.');
        String[] fields = lastDot < 0 ? new String[0] : token.substring(0, lastDot).split("\\.", -1);
        if (fields.length != FIELDS) {
            return new Invalid("MALFORMED");
        }
        byte[] signature;
        Claim claim;
        try {
            signature = DECODER.decode(token.substring(lastDot + 1));
            claim = new Claim(text(fields[0]), text(fields[1]), text(fields[2]), text(fields[3]), text(fields[4]),
                    Instant.ofEpochSecond(Long.parseLong(text(fields[5]))));
        } catch (IllegalArgumentException e) {
            return new Invalid("MALFORMED");
        }
        if (!MessageDigest.isEqual(signature, mac(token.substring(0, lastDot)))) {
            return new Invalid("FORGED");
        }
        if (!now.isBefore(claim.expiresAt())) {
            return new Invalid("EXPIRED");
        }
        return new Valid(claim);
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            // the purpose is signed, not sent: the same token checked for another purpose is a forgery
            mac.update((purpose + ":").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String field(String value) {
        return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(String field) {
        return new String(DECODER.decode(field), StandardCharsets.UTF_8);
    }
}
