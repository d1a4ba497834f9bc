package io.channelhub.transfer.web;

import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.transfer.stream.TransferTopology;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the approval-link endpoint needs besides Kafka: the shared signing key (D-16) and the wall clock. */
@Configuration(proxyBeanMethods = false)
public class ApprovalsConfig {

    /** Without the key the service does not start ({@link ApprovalTokens#configured}). */
    @Bean
    ApprovalTokens approvalTokens(@Value("${" + ApprovalTokens.KEY_PROPERTY + ":}") String key) {
        return ApprovalTokens.configured(key, ApprovalTokens.TRANSFERS, TransferTopology.SERVICE);
    }

    /** Token expiry and the time of a submitted consent; a bean so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
