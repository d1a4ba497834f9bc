package io.channelhub.platform.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A stand-in identity provider for development and tests: an RSA key pair whose public half the services are
 * configured with (spring.security.oauth2.resourceserver.jwt.public-key-location), and the RS256 bearer tokens it
 * signs, with the claims {@link CallerAuthentication} reads and the issuer ({@value #ISSUER}) and audience
 * ({@value #AUDIENCE}) the services are then configured to require. Production points the services at the real
 * provider's JWKS instead; nothing in a service uses this class.
 */
public final class DevTokenIssuer {

    public static final String ISSUER = "channelhub-dev";
    public static final String AUDIENCE = "channel-hub";
    /** The settings a service requires the issuer and audience from (docs/security.md). */
    public static final String ISSUER_PROPERTY = "channelhub.security.token.issuer";
    public static final String AUDIENCES_PROPERTY = "channelhub.security.token.audiences";
    private static final String PUBLIC_PEM = "PUBLIC KEY";
    private static final String PRIVATE_PEM = "PRIVATE KEY";

    private final RSAPublicKey publicKey;
    private final RSAPrivateKey privateKey;
    private final NimbusJwtEncoder encoder;

    private DevTokenIssuer(RSAPublicKey publicKey, RSAPrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
        RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(ISSUER).build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
    }

    /**
     * The settings that make a service require this issuer's {@code iss} and {@code aud}; its public key is set
     * apart ({@code public-key-location}), as the file {@link #writePublicKey} wrote.
     */
    public static Map<String, Object> requiredClaims() {
        return Map.of(ISSUER_PROPERTY, ISSUER, AUDIENCES_PROPERTY, AUDIENCE);
    }

    /** A fresh key pair, kept in memory only. */
    public static DevTokenIssuer generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new DevTokenIssuer((RSAPublicKey) pair.getPublic(), (RSAPrivateKey) pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    /**
     * The issuer kept in {@code dir} (private.pem, public.pem), created there on first use; the private key file
     * is readable by its owner only.
     */
    public static DevTokenIssuer inDirectory(Path dir) {
        Path privateFile = dir.resolve("private.pem");
        Path publicFile = dir.resolve("public.pem");
        try {
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                Files.createDirectories(dir);
                DevTokenIssuer fresh = generate();
                Files.writeString(publicFile, pem(PUBLIC_PEM, fresh.publicKey.getEncoded()));
                // owner-only before the key goes in
                Files.writeString(privateFile, "");
                privateFile.toFile().setReadable(false, false);
                privateFile.toFile().setReadable(true, true);
                Files.writeString(privateFile, pem(PRIVATE_PEM, fresh.privateKey.getEncoded()));
            }
            try (var publicPem = Files.newInputStream(publicFile);
                 var privatePem = Files.newInputStream(privateFile)) {
                return new DevTokenIssuer(RsaKeyConverters.x509().convert(publicPem),
                        RsaKeyConverters.pkcs8().convert(privatePem));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development token issuer in " + dir, e);
        }
    }

    /** The public key as PEM (X.509 SubjectPublicKeyInfo), the form public-key-location reads. */
    public String publicKeyPem() {
        return pem(PUBLIC_PEM, publicKey.getEncoded());
    }

    /** Writes the public key where a service's public-key-location can point; returns the file. */
    public Path writePublicKey(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, publicKeyPem());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signed token for this party, valid from now for {@code validity}. */
    public String token(PartyKind kind, String partyId, Duration validity) {
        return token(kind, partyId, Instant.now(), validity);
    }

    /** A signed token issued at {@code issuedAt}: a past instant makes an expired one, for tests. */
    public String token(PartyKind kind, String partyId, Instant issuedAt, Duration validity) {
        return token(kind, partyId, issuedAt, validity, claims -> { });
    }

    /**
     * A signed token whose claims {@code change} alters after they are set as usual: for tests of the claims a
     * service requires (another audience, no expiry...).
     */
    public String token(PartyKind kind, String partyId, Instant issuedAt, Duration validity,
            Consumer<JwtClaimsSet.Builder> change) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .audience(List.of(AUDIENCE))
                .subject(kind.claim() + ":" + partyId)
                .id(UUID.randomUUID().toString())
                .issuedAt(issuedAt)
                .notBefore(issuedAt)
                .expiresAt(issuedAt.plus(validity))
                .claim(CallerAuthentication.KIND_CLAIM, kind.claim())
                .claim(CallerAuthentication.PARTY_CLAIM, partyId);
        change.accept(claims);
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(ISSUER).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
