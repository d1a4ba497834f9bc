package io.channelhub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.common.event.EventMeta;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class InvoicePdfTest {

    static InvoiceLine line(int number) {
        return InvoiceLine.newBuilder().setNumber(number).setSubscriptionId("S-" + number).setBillingAccountId("A-1")
                .setIsvId("ISV-1").setSku("SKU-A").setCharge("ANNUAL_INSTALMENT")
                .setFirstDay(LocalDate.parse("2026-10-01")).setLastDay(LocalDate.parse("2026-10-31"))
                .setSeatDays(310).setUnitPrice(eur("10.00")).setGross(eur("100.00"))
                .setDiscountPercent(new BigDecimal("10.00")).setDiscountId("D-1").setDiscountRule("D8_AT_ACCEPTANCE")
                .setDiscount(eur("10.00")).setNet(eur("90.00")).setRevenueShare(eur("2.70"))
                .setIsvPayout(eur("87.30")).build();
    }

    static InvoiceIssued invoice(List<InvoiceLine> lines, String subtotal, String discounts, String due) {
        return InvoiceIssued.newBuilder()
                .setMeta(EventMeta.newBuilder().setEventId("e").setOccurredAt(Instant.EPOCH).setProducer("t").build())
                .setInvoiceId("INV-1").setPayerId("R-1").setPayerName("Reseller One").setPayerEmail("r@x")
                .setMonth("2026-10").setIssuedAt(Instant.parse("2026-11-01T00:01:00Z")).setCurrency("EUR")
                .setLines(lines).setSubtotal(eur(subtotal)).setDiscounts(eur(discounts))
                .setCreditsApplied(eur("0.00")).setTotalDue(eur(due)).build();
    }

    // B4, D6: the document a reseller gets shows its lines, the discount and the totals, not the revenue share
    @Test
    void theInvoiceShowsItsLinesAndTotalsButNotTheRevenueShare() throws Exception {
        String text = text(InvoicePdf.render(invoice(List.of(line(1)), "100.00", "10.00", "90.00")));

        assertThat(text).contains("Invoice 2026-10", "INV-1", "Reseller One (R-1)", "Issued: 2026-11-01 00:01 UTC",
                "S-1", "2026-10-01 to 2026-10-31", "310 seat-days", "10% 10.00", "90.00", "Subtotal", "100.00",
                "Total due (EUR)", "annual instalment");
        assertThat(text).doesNotContain("2.70", "87.30").doesNotContainIgnoringCase("revenue");
        assertThat(InvoicePdf.filename(invoice(List.of(), "0.00", "0.00", "0.00")))
                .isEqualTo("invoice-2026-10-R-1.pdf");
    }

    // B4: a long invoice continues on further pages, every line on one of them
    @Test
    void aLongInvoiceRunsOverSeveralPages() throws Exception {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 1; i <= 120; i++) {
            lines.add(line(i));
        }
        byte[] pdf = InvoicePdf.render(invoice(lines, "12000.00", "1200.00", "10800.00"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        assertThat(text(pdf)).contains("S-1 ", "S-120", "10800.00");
        assertThat(Collections.frequency(List.of(text(pdf).split("\\s+")), "310")).isEqualTo(120);
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static io.channelhub.common.event.Money eur(String amount) {
        return AvroMoney.toAvro(Money.of(amount, "EUR"));
    }
}
