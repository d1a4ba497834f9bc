package io.channelhub.transfer.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.approvals.ApprovalTokens;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** D-16: the approval-link key is a secret with no default; without a usable one the service does not start. */
class ApprovalsConfigTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ApprovalsConfig.class);

    @Test
    void withoutAKeyTheServiceRefusesToStartAndSaysWhichSettingIsMissing() {
        context.run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause()
                    .hasMessageContaining("channelhub.approvals.key is not set")
                    .hasMessageContaining("notification-service");
        });
    }

    @Test
    void aKeyTooShortToBeSafeIsRefusedToo() {
        context.withPropertyValues("channelhub.approvals.key=short").run(started -> {
            assertThat(started).hasFailed();
            assertThat(started.getStartupFailure()).rootCause().hasMessageContaining("at least 32 characters");
        });
    }

    @Test
    void withAKeyTheTokensAndTheClockAreThere() {
        context.withPropertyValues("channelhub.approvals.key=a key of thirty-two characters or more")
                .run(started -> {
                    assertThat(started).hasSingleBean(ApprovalTokens.class);
                    assertThat(started.getBean(Clock.class).getZone().getId()).isEqualTo("Z");
                });
    }
}
