package io.channelhub.discount.web;

import io.channelhub.discount.stream.DiscountTopology;
import io.channelhub.platform.approvals.ApprovalTokens;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the acceptance endpoint needs besides Kafka: the shared signing key and the wall clock. */
@Configuration(proxyBeanMethods = false)
class AcceptanceConfig {

    /** Without the key the service does not start ({@link ApprovalTokens#configured}). */
    @Bean
    ApprovalTokens acceptanceTokens(@Value("${" + ApprovalTokens.KEY_PROPERTY + ":}") String key) {
        return ApprovalTokens.configured(key, ApprovalTokens.DISCOUNTS, DiscountTopology.SERVICE);
    }

    /** Token expiry and the time of a submitted acceptance; a bean so tests can fix it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
