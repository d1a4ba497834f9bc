package io.channelhub.notification.domain;

import io.channelhub.notification.TestEvents;
import static io.channelhub.notification.TestEvents.PLANNER;
import static io.channelhub.notification.TestEvents.meta;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.notification.email.EmailRenderer;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.reseller.event.Licence;
import io.channelhub.reseller.event.OrderLine;
import io.channelhub.reseller.event.ResellerOrder;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import io.channelhub.reseller.event.ResellerOrderReleased;
import io.channelhub.reseller.event.ResellerStatementIssued;
import io.channelhub.reseller.event.StatementLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResellerEmailsTest {

    final EmailRenderer renderer = new EmailRenderer();

    static ResellerOrder order() {
        return ResellerOrder.newBuilder().setOrderId("O-1").setResellerId("R-1").setResellerName("Reseller One")
                .setResellerEmail("orders@r1.example").setCustomerName("Acme").setCustomerEmail("it@acme.example")
                .setPlacedAt(Instant.parse("2026-10-05T10:00:00Z")).setDueOn(LocalDate.parse("2026-11-04"))
                .setCurrency("USD").setLines(List.of(new OrderLine("SKU-PRO", 2, usd("500.00"), usd("1000.00"))))
                .setSubtotal(usd("1000.00")).setDiscountPercent(new BigDecimal("10.00")).setDiscount(usd("100.00"))
                .setNet(usd("900.00")).setTaxPercent(new BigDecimal("8.875")).setTax(usd("79.88"))
                .setTotal(usd("979.88")).build();
    }

    // R2, R7: the reseller gets the invoice as a PDF and, separately, the licences; the customer its licence only
    @Test
    void aReleasedOrderMailsTheInvoiceTheLicencesAndTheCustomersLicence() {
        List<PlannedEmail> emails = PLANNER.plan(new ResellerOrderReleased(meta("rel-1"), order(),
                List.of(new Licence("SKU-PRO", "KEY-1")), "customer:it@acme.example"), TestEvents.WRITTEN,
                TestEvents.numbered("O-1"));

        assertThat(emails).extracting(PlannedEmail::template, PlannedEmail::toAddress).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ResellerEmails.INVOICE, "orders@r1.example"),
                org.assertj.core.groups.Tuple.tuple(ResellerEmails.LICENCES, "orders@r1.example"),
                org.assertj.core.groups.Tuple.tuple(ResellerEmails.CUSTOMER_LICENCE, "it@acme.example"));
        assertThat(emails.get(0).attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("invoice-order-O-1.pdf");
            // D-102: the numbered document; an order invoice keeps R5's due date, not the payer's terms
            assertThat(PdfText.of(a.content())).contains("CH-2026-000001", "2026-11-04");
        });
        assertThat(emails.get(0).subject()).isEqualTo("Order O-1: your invoice CH-2026-000001");
        assertThat(renderer.render(emails.get(0)).text()).contains("979.88 USD", "2 x Vendor Pro Suite (SKU-PRO)", "2026-11-04",
                "Its invoice CH-2026-000001 is attached");
        PlannedEmail customer = emails.get(2);
        assertThat(customer.customerFacing()).isTrue();
        assertThat(customer.attachments()).isEmpty();
        EmailRenderer.Rendered body = renderer.render(customer);
        // issue 23: the product by the name the numbered invoice gives it, its SKU beside it
        assertThat(body.text()).contains("O-1", "Vendor Pro Suite (SKU-PRO): KEY-1").doesNotContain("979", "900", "USD", "%");
        assertThat(body.html()).contains("KEY-1").doesNotContain("979", "USD");
    }

    // R4: a held order tells the reseller to pay by wire, with the invoice
    @Test
    void aHeldOrderAsksForPaymentByWire() {
        PlannedEmail held = PLANNER.plan(new ResellerOrderAccepted(meta("acc-1"), order(), true, "FIRST_ORDERS"),
                TestEvents.WRITTEN, TestEvents.numbered("O-1")).get(0);
        assertThat(held.template()).isEqualTo(ResellerEmails.HELD);
        assertThat(renderer.render(held).text()).contains("released once paid", "FIRST_ORDERS", "wire transfer",
                "979.88 USD", "the invoice CH-2026-000001 is attached");
        // an order not held is released at once: its e-mails go with the release, nothing waits for the acceptance
        ResellerOrderAccepted notHeld = new ResellerOrderAccepted(meta("acc-2"), order(), false, null);
        assertThat(EmailPlanner.awaitedDocument(notHeld)).isEmpty();
        assertThat(PLANNER.plan(notHeld, TestEvents.WRITTEN)).isEmpty();
    }

    // R5: the statement lists the unpaid orders with their interest
    @Test
    void theStatementListsUnpaidOrdersAndInterest() {
        PlannedEmail statement = PLANNER.plan(new ResellerStatementIssued(meta("st-1"), "R-1", "Reseller One",
                "orders@r1.example", "2026-12", "USD", List.of(new StatementLine("O-1", LocalDate.parse("2026-10-05"),
                LocalDate.parse("2026-11-04"), usd("979.88"), 27, usd("8.70"))), usd("988.58"), true), TestEvents.WRITTEN).get(0);
        assertThat(renderer.render(statement).text()).contains("O-1", "due 2026-11-04", "overdue 27 days",
                "interest 8.70", "Total due:  988.58 USD", "paid upfront");
    }

    private static io.channelhub.common.event.Money usd(String amount) {
        return AvroMoney.toAvro(Money.of(amount, "USD"));
    }
}
