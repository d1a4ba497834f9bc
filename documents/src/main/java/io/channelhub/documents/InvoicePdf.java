package io.channelhub.documents;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.pricing.AvroMoney;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A payer's invoice as a PDF (B4), rendered from the {@code InvoiceIssued} event alone: billing serves it, the
 * invoice e-mail carries it, and both show the same document. It shows what the reseller owes: lines with their
 * discount, totals, credits. Not the marketplace's revenue share (that is the ISV's statement), and it is never
 * sent to a customer (D7).
 */
public final class InvoicePdf {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final float MARGIN = 40;
    private static final float LEADING = 13;
    private static final float[] COLUMNS = {MARGIN, 56, 136, 196, 256, 368, 428, 468, 522};
    private static final String[] HEADINGS = {"#", "Subscription", "Customer", "SKU / charge", "Period",
        "Qty", "Unit", "Discount", "Net"};

    private InvoicePdf() {
    }

    public static byte[] render(InvoiceIssued invoice) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Invoice " + invoice.getInvoiceId());
            info.setAuthor("Channel Hub");
            new Writer(document).write(invoice);
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Rendering invoice " + invoice.getInvoiceId(), e);
        }
    }

    public static String filename(InvoiceIssued invoice) {
        return "invoice-" + invoice.getMonth() + "-" + invoice.getPayerId() + ".pdf";
    }

    /** Lays the invoice out top to bottom, starting a new page when one is full. */
    private static final class Writer {
        private final PDDocument document;
        private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument document) {
            this.document = document;
        }

        void write(InvoiceIssued invoice) throws IOException {
            newPage();
            text(bold, 16, MARGIN, "Invoice " + invoice.getMonth());
            y -= 2 * LEADING;
            for (String line : List.of("Invoice number: " + invoice.getInvoiceId(),
                    "Bill to: " + invoice.getPayerName() + " (" + invoice.getPayerId() + ")",
                    "Service month: " + invoice.getMonth(), "Issued: " + WHEN.format(invoice.getIssuedAt()),
                    "Currency: " + invoice.getCurrency())) {
                text(regular, 10, MARGIN, line);
                y -= LEADING;
            }
            y -= LEADING;
            headings();
            for (InvoiceLine line : invoice.getLines()) {
                if (y < MARGIN + 5 * LEADING) {
                    newPage();
                    headings();
                }
                row(regular, List.of(String.valueOf(line.getNumber()), line.getSubscriptionId(),
                        line.getBillingAccountId(), line.getSku(), line.getFirstDay() + " to " + line.getLastDay(),
                        quantity(line), money(line.getUnitPrice()), line.getDiscountPercent().stripTrailingZeros()
                                .toPlainString() + "% " + money(line.getDiscount()), money(line.getNet())));
                text(regular, 7, COLUMNS[3], charge(line.getCharge()));
                y -= LEADING;
            }
            y -= LEADING;
            total("Subtotal", money(invoice.getSubtotal()));
            total("Discounts", "-" + money(invoice.getDiscounts()));
            total("Credits applied", "-" + money(invoice.getCreditsApplied()));
            total("Total due (" + invoice.getCurrency() + ")", money(invoice.getTotalDue()));
            page.close();
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = next.getMediaBox().getHeight() - MARGIN;
        }

        private void headings() throws IOException {
            row(bold, List.of(HEADINGS));
        }

        private void row(PDType1Font font, List<String> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                text(font, 8, COLUMNS[i], clip(cells.get(i), i + 1 < COLUMNS.length ? COLUMNS[i + 1] - COLUMNS[i]
                        : 60));
            }
            y -= LEADING;
        }

        private void total(String label, String amount) throws IOException {
            text(bold, 10, COLUMNS[5], label);
            text(bold, 10, COLUMNS[8], amount);
            y -= LEADING;
        }

        private void text(PDType1Font font, float size, float x, String value) throws IOException {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(value);
            page.endText();
        }

        /** Long ids are cut to their column, keeping the start (enough to recognise them). */
        private static String clip(String value, float width) {
            int chars = Math.max(4, (int) (width / 4.2f));
            return value.length() <= chars ? value : value.substring(0, chars - 1) + "~";
        }
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
