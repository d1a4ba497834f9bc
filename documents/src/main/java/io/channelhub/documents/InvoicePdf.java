package io.channelhub.documents;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.pricing.AvroMoney;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A payer's invoice as a PDF (B4), rendered from the {@code InvoiceIssued} event alone: billing serves it, the
 * invoice e-mail carries it, and both show the same document. It shows what the reseller owes: lines with their
 * discount, totals, credits. Not the marketplace's revenue share (that is the ISV's statement), and it is never
 * sent to a customer (D7).
 */
public final class InvoicePdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final float MARGIN = PdfPages.MARGIN;
    private static final float[] COLUMNS = {MARGIN, 56, 136, 196, 256, 368, 428, 468, 522};
    private static final String[] HEADINGS = {"#", "Subscription", "Customer", "SKU / charge", "Period",
        "Qty", "Unit", "Discount", "Net"};

    private InvoicePdf() {
    }

    public static byte[] render(InvoiceIssued invoice) {
        try (PdfPages pdf = new PdfPages("Invoice " + invoice.getInvoiceId())) {
            pdf.text(pdf.bold, 16, MARGIN, "Invoice " + invoice.getMonth()).down(2);
            for (String line : List.of("Invoice number: " + invoice.getInvoiceId(),
                    "Bill to: " + invoice.getPayerName() + " (" + invoice.getPayerId() + ")",
                    "Service month: " + invoice.getMonth(), "Issued: " + WHEN.format(invoice.getIssuedAt()),
                    "Currency: " + invoice.getCurrency())) {
                pdf.text(pdf.regular, 10, MARGIN, line).down(1);
            }
            pdf.down(1);
            row(pdf, pdf.bold, List.of(HEADINGS));
            for (InvoiceLine line : invoice.getLines()) {
                if (pdf.newPageUnless(5)) {
                    row(pdf, pdf.bold, List.of(HEADINGS));
                }
                row(pdf, pdf.regular, List.of(String.valueOf(line.getNumber()), line.getSubscriptionId(),
                        line.getBillingAccountId(), line.getSku(), line.getFirstDay() + " to " + line.getLastDay(),
                        quantity(line), money(line.getUnitPrice()), line.getDiscountPercent().stripTrailingZeros()
                                .toPlainString() + "% " + money(line.getDiscount()), money(line.getNet())));
                pdf.text(pdf.regular, 7, COLUMNS[3], charge(line.getCharge())).down(1);
            }
            pdf.down(1);
            total(pdf, "Subtotal", money(invoice.getSubtotal()));
            total(pdf, "Discounts", "-" + money(invoice.getDiscounts()));
            total(pdf, "Credits applied", "-" + money(invoice.getCreditsApplied()));
            total(pdf, "Total due (" + invoice.getCurrency() + ")", money(invoice.getTotalDue()));
            return pdf.bytes();
        }
    }

    public static String filename(InvoiceIssued invoice) {
        return "invoice-" + invoice.getMonth() + "-" + invoice.getPayerId() + ".pdf";
    }

    private static void row(PdfPages pdf, org.apache.pdfbox.pdmodel.font.PDType1Font font, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            pdf.text(font, 8, COLUMNS[i], clip(cells.get(i), i + 1 < COLUMNS.length ? COLUMNS[i + 1] - COLUMNS[i]
                    : 60));
        }
        pdf.down(1);
    }

    private static void total(PdfPages pdf, String label, String amount) {
        pdf.text(pdf.bold, 10, COLUMNS[5], label).text(pdf.bold, 10, COLUMNS[8], amount).down(1);
    }

    /** Long ids are cut to their column, keeping the start (enough to recognise them). */
    static String clip(String value, float width) {
        int chars = Math.max(4, (int) (width / 4.2f));
        return value.length() <= chars ? value : value.substring(0, chars - 1) + "~";
    }

    private static String quantity(InvoiceLine line) {
        return line.getSeatDays() + " seat-days";
    }

    private static String charge(String charge) {
        return switch (charge) {
            case "ANNUAL_INSTALMENT" -> "annual instalment";
            case "ANNUAL_SEATS_ADDED" -> "annual seats added";
            case "FLEXIBLE_USAGE" -> "flexible usage";
            default -> charge.toLowerCase();
        };
    }

    private static String money(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }
}
