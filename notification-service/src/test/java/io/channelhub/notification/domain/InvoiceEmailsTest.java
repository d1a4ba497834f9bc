package io.channelhub.notification.domain;

import static io.channelhub.notification.TestEvents.PLANNER;
import static io.channelhub.notification.TestEvents.WRITTEN;
import static io.channelhub.notification.TestEvents.meta;
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

    // B7 (issue 21): the migration month's prepaid invoice reaches the reseller, with its orders and total
    @Test
    void thePrepaidInvoiceOfTheMigrationMonthIsMailedToTheReseller() {
        List<PlannedEmail> emails = PLANNER.plan(prepaid("orders@r1.example"), WRITTEN);

        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.template()).isEqualTo(InvoiceEmails.PREPAID_ISSUED);
            assertThat(email.toAddress()).isEqualTo("orders@r1.example");
            assertThat(email.subject()).isEqualTo("Your prepaid invoice for 2026-10");
            assertThat(email.customerFacing()).isFalse();
            EmailRenderer.Rendered body = renderer.render(email);
            assertThat(body.text()).contains("Hello Reseller One", "PI-1", "Order P-1  SKU-A  2 seats  300.00",
                    "Total:           300.00 EUR").doesNotContain("[(", "[#", "null");
            assertThat(body.html()).contains("PI-1", "P-1", "300.00 EUR").doesNotContain("th:text", "th:each", "${", "null");
        });
    }

    // B7: a reseller the directory does not know has no address to mail; nothing is planned
    @Test
    void noAddressNoEmail() {
        assertThat(PLANNER.plan(prepaid(null), WRITTEN)).isEmpty();
    }

    private static PrepaidInvoiceIssued prepaid(String email) {
        return new PrepaidInvoiceIssued(meta("pi-1"), "PI-1", "R-1", "2026-10", List.of(new PrepaidInvoiceLine("P-1",
                "SKU-A", 2, AvroMoney.toAvro(Money.of("300.00", "EUR")))), AvroMoney.toAvro(Money.of("300.00", "EUR")),
                email == null ? null : "Reseller One", email);
    }
}
