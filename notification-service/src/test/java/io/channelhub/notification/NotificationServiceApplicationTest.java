package io.channelhub.notification;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

class NotificationServiceApplicationTest {

    // T4, T5: without the signing key no consent request could carry a working link, so the service must not start
    @Test
    void withoutTheApprovalKeyTheServiceRefusesToStartAndSaysWhy() {
        assertThatThrownBy(() -> SpringApplication.run(NotificationServiceApplication.class,
                "--channelhub.approvals.key=", "--spring.main.web-application-type=none"))
                .rootCause().isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("channelhub.approvals.key is not set");
    }
}
