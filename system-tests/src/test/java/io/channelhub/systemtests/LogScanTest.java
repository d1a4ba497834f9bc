package io.channelhub.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.testing.TestTokens;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10: after every journey, the logs the four services wrote (at INFO, Kafka clients included) hold no
 * secret and no token: not the approval-link key, not the SMTP password, not one of the bearer tokens the tests
 * used, not one of the decision-link tokens the e-mails carried, nothing shaped like a JWT or a PEM key.
 */
@ExtendWith(SystemUnderTest.class)
@Order(Integer.MAX_VALUE)
class LogScanTest {

    /** A decision link's token, as the e-mails carry it (approvals and acceptances). */
    private static final Pattern LINK_TOKEN = Pattern.compile(
            "/(?:approvals|acceptances)/([A-Za-z0-9_=-]+(?:\\.[A-Za-z0-9_=-]+)+)");
    /** A JWT's header ({"alg":...} base64url) or any PEM block. */
    private static final Pattern TOKEN_SHAPED = Pattern.compile("eyJ[A-Za-z0-9_-]{10,}|-----BEGIN [A-Z ]+-----");

    @Test
    void theLogsHoldNoSecretAndNoToken() throws Exception {
        assertThat(SystemUnderTest.LOG).exists();
        String log = Files.readString(SystemUnderTest.LOG);
        assertThat(log.lines().count()).as("the services logged this run").isGreaterThan(1000);
        assertThat(log).as("the services logged at INFO, Kafka clients included")
                .contains("stream-client [channelhub-transfer-service", "ProducerConfig values");

        Set<String> secrets = new LinkedHashSet<>();
        secrets.add(SystemUnderTest.APPROVAL_KEY);
        secrets.add(SystemUnderTest.SMTP_PASSWORD);
        secrets.addAll(TestTokens.issued());
        Set<String> links = linkTokens();
        assertThat(TestTokens.issued()).as("the journeys called with bearer tokens").isNotEmpty();
        assertThat(links).as("the journeys' e-mails carried decision links").isNotEmpty();
        secrets.addAll(links);

        List<String> found = new ArrayList<>();
        for (String secret : secrets) {
            if (log.contains(secret)) {
                found.add(secret.substring(0, Math.min(12, secret.length())) + "…");
            }
        }
        Matcher shaped = TOKEN_SHAPED.matcher(log);
        while (shaped.find()) {
            found.add("token-shaped: " + shaped.group().substring(0, Math.min(16, shaped.group().length())) + "…");
        }
        assertThat(found).as("secrets or tokens in " + SystemUnderTest.LOG).isEmpty();
        // Boot's fallback user would log its generated password: the resource server must leave no room for it
        assertThat(log).doesNotContain("Using generated security password");
    }

    private static Set<String> linkTokens() throws Exception {
        Set<String> tokens = new LinkedHashSet<>();
        for (MimeMessage email : SystemUnderTest.emails(m -> true, 0)) {
            Matcher matcher = LINK_TOKEN.matcher(SystemUnderTest.text(email));
            while (matcher.find()) {
                tokens.add(matcher.group(1));
            }
        }
        return tokens;
    }
}
