package io.channelhub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.reseller.event.OrderLine;
import io.channelhub.reseller.event.ResellerOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class OrderInvoicePdfTest {

    // R2, R1, R6: bill-to, ship-to, lines at retail, the reseller discount, the sales tax and the total
    @Test
    void theOrderInvoiceShowsTheDiscountTheTaxAndTheTotal() throws Exception {
        // 2 x 500.00 = 1000.00; 10% -> 100.00; net 900.00; NY 8.875% -> 79.875 -> 79.88; total 979.88
        ResellerOrder order = ResellerOrder.newBuilder().setOrderId("O-1").setResellerId("R-1")
                .setResellerName("Reseller One").setResellerEmail("r@x").setCustomerName("Acme")
                .setCustomerEmail("it@acme.example").setPlacedAt(Instant.parse("2026-10-05T10:00:00Z"))
                .setDueOn(LocalDate.parse("2026-11-04")).setCurrency("USD")
                .setLines(List.of(new OrderLine("SKU-PRO", 2, usd("500.00"), usd("1000.00"))))
                .setSubtotal(usd("1000.00")).setDiscountPercent(new BigDecimal("10.00")).setDiscount(usd("100.00"))
                .setNet(usd("900.00")).setTaxPercent(new BigDecimal("8.875")).setTax(usd("79.88"))
                .setTotal(usd("979.88")).build();

        String text;
        try (PDDocument document = Loader.loadPDF(OrderInvoicePdf.render(order))) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Invoice for order O-1", "Bill to: Reseller One (R-1)",
                "Ship to: Acme <it@acme.example>", "Due: 2026-11-04 (payment by wire transfer only)", "SKU-PRO",
                "1000.00", "Reseller discount 10%", "-100.00", "900.00", "Sales tax 8.875%", "79.88",
                "Total (USD)", "979.88");
        assertThat(OrderInvoicePdf.filename(order)).isEqualTo("invoice-order-O-1.pdf");
    }

    private static io.channelhub.common.event.Money usd(String amount) {
        return AvroMoney.toAvro(Money.of(amount, "USD"));
    }
}
