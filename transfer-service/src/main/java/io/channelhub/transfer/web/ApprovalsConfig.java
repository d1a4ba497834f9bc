package io.channelhub.transfer.web;

import io.channelhub.platform.approvals.ApprovalTokens;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the approval-link endpoint needs besides Kafka: the shared signing key (D-16) and the wall clock. */
@Configuration(proxyBeanMethods = false)
public class ApprovalsConfig {

    static final String KEY_PROPERTY = "channelhub.approvals.key";

    /**
     * No default key on purpose: a default would sit in the repository, and anyone reading it could approve any
     * transfer. Without the key the service refuses to start rather than refuse every link at run time.
     */
    @Bean
    ApprovalTokens approvalTokens(@Value("${" + KEY_PROPERTY + ":}") String key) {
        if (key.isBlank()) {
            throw new IllegalStateException(KEY_PROPERTY + " is not set: transfer-service verifies approval links "
                    + "with the key notification-service signs them with; set the same secret (32+ characters) "
                    + "for both, e.g. as the environment variable CHANNELHUB_APPROVALS_KEY.");
        }
        return new ApprovalTokens(key, ApprovalTokens.TRANSFERS);
    }

    /** Token expiry and the time of a submitted consent; a bean so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
