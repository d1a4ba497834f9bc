package io.channelhub.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.notification.email.EmailRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D-94: a billing period's documents go out on the bulk lane; everything someone waits for, on the interactive. */
class EmailLaneTest {

    @Test
    void onlyThePeriodsInvoicesAndStatementsAreBulk() {
        List<String> bulk = EmailRenderer.templates().stream()
                .filter(template -> EmailLane.of(template) == EmailLane.BULK).sorted().toList();

        assertThat(bulk).containsExactly(InvoiceEmails.ISSUED, InvoiceEmails.PREPAID_ISSUED, ResellerEmails.STATEMENT);
        assertThat(EmailLane.of(TransferEmails.CONSENT_REQUEST)).isEqualTo(EmailLane.INTERACTIVE);
        assertThat(EmailLane.of(TransferEmails.COMPLETED)).isEqualTo(EmailLane.INTERACTIVE);
        assertThat(EmailLane.of(ResellerEmails.INVOICE)).isEqualTo(EmailLane.INTERACTIVE);
    }
}
