package io.channelhub.notification.domain;

import static io.channelhub.notification.TestEvents.PLANNER;
import static io.channelhub.notification.TestEvents.WRITTEN;
import static io.channelhub.notification.TestEvents.meta;
import static io.channelhub.notification.TestEvents.numbered;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidInvoiceLine;
import io.channelhub.notification.email.EmailRenderer;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvoiceEmailsTest {

    final EmailRenderer renderer = new EmailRenderer();

    // B7 (issue 21), D-102: the migration month's prepaid invoice reaches the reseller once numbered, with its
    // orders, total and the numbered invoice as a PDF
    @Test
    void thePrepaidInvoiceOfTheMigrationMonthIsMailedToTheReseller() {
        PrepaidInvoiceIssued prepaid = prepaid("orders@r1.example");
        assertThat(EmailPlanner.awaitedDocument(prepaid)).contains("PI-1");

        List<PlannedEmail> emails = PLANNER.plan(prepaid, WRITTEN, numbered("PI-1"));

        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.template()).isEqualTo(InvoiceEmails.PREPAID_ISSUED);
            assertThat(email.toAddress()).isEqualTo("orders@r1.example");
            assertThat(email.subject()).isEqualTo("Your prepaid invoice CH-2026-000001 for 2026-10");
            assertThat(email.customerFacing()).isFalse();
            EmailRenderer.Rendered body = renderer.render(email);
            assertThat(body.text()).contains("Hello Reseller One", "Invoice number:  CH-2026-000001",
                    "Due date:        2027-01-07", "Order P-1  SKU-A  2 seats  300.00", "Total:           300.00 EUR")
                    .doesNotContain("[(", "[#", "null");
            assertThat(body.html()).contains("CH-2026-000001", "P-1", "300.00 EUR")
                    .doesNotContain("th:text", "th:each", "${", "null");
            assertThat(email.attachments()).singleElement().satisfies(pdf -> {
                assertThat(pdf.filename()).isEqualTo("invoice-prepaid-2026-10-R-1.pdf");
                assertThat(PdfText.of(pdf.content())).contains("CH-2026-000001", "2027-01-07", "1 Reseller Way");
            });
        });
    }

    // B7: a reseller the directory does not know has no address to mail; nothing waits, nothing is planned
    @Test
    void noAddressNoEmail() {
        assertThat(EmailPlanner.awaitedDocument(prepaid(null))).isEmpty();
        assertThat(PLANNER.plan(prepaid(null), WRITTEN)).isEmpty();
    }

    private static PrepaidInvoiceIssued prepaid(String email) {
        return new PrepaidInvoiceIssued(meta("pi-1"), "PI-1", "R-1", "2026-10", List.of(new PrepaidInvoiceLine("P-1",
                "SKU-A", 2, AvroMoney.toAvro(Money.of("300.00", "EUR")))), AvroMoney.toAvro(Money.of("300.00", "EUR")),
                email == null ? null : "Reseller One", email);
    }
}
