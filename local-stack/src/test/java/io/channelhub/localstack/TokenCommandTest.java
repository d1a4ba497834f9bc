package io.channelhub.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import picocli.CommandLine;

/** Issue 10: the local stack's development tokens, signed by the issuer kept in its data directory. */
class TokenCommandTest {

    @Test
    void printsATokenTheServicesPublicKeyVerifies(@TempDir Path dir) throws Exception {
        String token = run("token", "reseller", "reseller-northwind", "--data-dir", dir.toString());

        Path publicKey = dir.resolve("token-issuer").resolve("public.pem");
        RSAPublicKey key = RsaKeyConverters.x509().convert(Files.newInputStream(publicKey));
        Jwt jwt = NimbusJwtDecoder.withPublicKey(key).build().decode(token);
        assertThat(jwt.getClaimAsString("party_kind")).isEqualTo("reseller");
        assertThat(jwt.getClaimAsString("party_id")).isEqualTo("reseller-northwind");
        assertThat(jwt.getExpiresAt()).isAfter(jwt.getIssuedAt());
        // the key pair is made once and kept: a second token verifies against the same public key
        String second = run("token", "operator", "alice", "--data-dir", dir.toString());
        assertThat(NimbusJwtDecoder.withPublicKey(key).build().decode(second).getClaimAsString("party_kind"))
                .isEqualTo("operator");
        assertThat(Files.readString(dir.resolve("token-issuer").resolve("private.pem")))
                .startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void refusesAnUnknownKindOfParty(@TempDir Path dir) {
        assertThat(new CommandLine(new LocalStack()).execute("token", "admin", "x", "--data-dir", dir.toString()))
                .isEqualTo(2);
    }

    private static String run(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(new CommandLine(new LocalStack()).execute(args)).isZero();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
