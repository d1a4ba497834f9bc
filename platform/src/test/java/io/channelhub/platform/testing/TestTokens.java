package io.channelhub.platform.testing;

import io.channelhub.platform.security.DevTokenIssuer;
import io.channelhub.platform.security.PartyKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;

/**
 * The test JVM's identity provider: one key pair generated at first use (never stored in the repository), whose
 * public half every service started in this JVM trusts, and bearer tokens for any party. As an environment post
 * processor (registered by the platform test-jar) it points each service context at that public key, issuer and
 * audience with the lowest precedence, so a test that configures its own issuer still wins. Every token handed out is remembered,
 * so a log scan can prove none was written.
 */
public final class TestTokens implements EnvironmentPostProcessor {

    public static final String PUBLIC_KEY_LOCATION = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    private static final DevTokenIssuer ISSUER = DevTokenIssuer.generate();
    private static final Path PUBLIC_KEY = writePublicKey();
    private static final Set<String> ISSUED = Collections.synchronizedSet(new LinkedHashSet<>());

    /** {@code Bearer <token>} for this party, valid for an hour. */
    public static String bearer(PartyKind kind, String partyId) {
        return "Bearer " + token(kind, partyId);
    }

    public static String token(PartyKind kind, String partyId) {
        return remember(ISSUER.token(kind, partyId, Duration.ofHours(1)));
    }

    /** A token of the trusted issuer that expired a minute ago. */
    public static String expired(PartyKind kind, String partyId) {
        return remember(ISSUER.token(kind, partyId, Instant.now().minus(Duration.ofHours(1)),
                Duration.ofMinutes(59)));
    }

    /** A well-formed token signed by a key no service trusts. */
    public static String foreign(PartyKind kind, String partyId) {
        return remember(DevTokenIssuer.generate().token(kind, partyId, Duration.ofHours(1)));
    }

    /**
     * A token of the trusted issuer whose claims {@code change} alters (another audience, no expiry...), valid for
     * an hour unless changed.
     */
    public static String altered(PartyKind kind, String partyId, Consumer<JwtClaimsSet.Builder> change) {
        return remember(ISSUER.token(kind, partyId, Instant.now(), Duration.ofHours(1), change));
    }

    /** Every token handed out in this JVM so far. */
    public static Set<String> issued() {
        synchronized (ISSUED) {
            return Set.copyOf(ISSUED);
        }
    }

    /** The file of the trusted public key (PEM). */
    public static Path publicKey() {
        return PUBLIC_KEY;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> settings = new HashMap<>(DevTokenIssuer.requiredClaims());
        settings.put(PUBLIC_KEY_LOCATION, PUBLIC_KEY.toUri().toString());
        environment.getPropertySources().addLast(new MapPropertySource("channelhub-test-tokens", settings));
    }

    private static String remember(String token) {
        ISSUED.add(token);
        return token;
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("channelhub-test-issuer", ".pem");
            file.toFile().deleteOnExit();
            return ISSUER.writePublicKey(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
