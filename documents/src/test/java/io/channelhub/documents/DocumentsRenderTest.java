package io.channelhub.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * Each document type rendered to a PDF and its pages to PNG (the samples under {@code docs/samples/documents/}): every
 * glyph inside the page's margins and inside its column, every long name whole, no "-0.00" anywhere.
 */
class DocumentsRenderTest {

    static final Map<String, Supplier<Document>> DOCUMENTS = Map.of(
            "monthly-invoice", () -> Documents.monthlyInvoice(Samples.monthlyInvoice(), Samples.ISSUER,
                    Samples.assigned("CH-2027-000001", "2027-01-01", 45)),
            "credit-note", () -> Documents.creditNote(Samples.creditNote(), "Northwind Resale", Samples.ISSUER,
                    Samples.assigned("CH-CN-2027-000001", "2027-01-08", 45)),
            "prepaid-invoice", () -> Documents.prepaidInvoice(Samples.prepaidInvoice(), Samples.ISSUER,
                    Samples.assigned("CH-2027-000002", "2027-01-01", 45)),
            "order-invoice", () -> Documents.orderInvoice(Samples.order(), Samples.ISSUER,
                    Samples.assigned("CH-2026-000318", "2026-12-05", 30)),
            "migration-credit-statement", () -> Documents.creditStatement(Samples.migration(), Samples.ISSUER,
                    Samples.assigned("MCS-reseller-northwind", "2026-12-10", 45)));

    // B4, B6, B7, R2: every document type renders to pages a person reads; the PNGs are the committed samples
    @Test
    void everyDocumentRendersToPagesWithNothingCutAndNoNegativeZero() throws Exception {
        Path out = Path.of("target", "samples", "documents");
        Files.createDirectories(out);
        for (var entry : DOCUMENTS.entrySet()) {
            byte[] pdf = DocumentPdf.render(entry.getValue().get());
            List<Glyph> glyphs = glyphs(pdf);
            String text = text(pdf);
            assertThat(text).as(entry.getKey()).doesNotContain("-0.00", "~", "null");
            assertThat(glyphs).as(entry.getKey() + ": inside the margins").allSatisfy(g -> {
                assertThat(g.x()).isGreaterThanOrEqualTo(PdfPages.MARGIN - 0.5f);
                assertThat(g.x() + g.width()).isLessThanOrEqualTo(PdfPages.RIGHT + 0.5f);
            });
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDFRenderer renderer = new PDFRenderer(document);
                for (int page = 0; page < document.getNumberOfPages(); page++) {
                    BufferedImage image = renderer.renderImageWithDPI(page, 110);
                    assertThat(inked(image)).as(entry.getKey() + " page " + page).isGreaterThan(2000);
                    ImageIO.write(image, "png", out.resolve(entry.getKey()
                            + (page == 0 ? "" : "-" + (page + 1)) + ".png").toFile());
                }
            }
        }
    }

    // B4: a line says what was bought and for whom in words, wrapped in its column rather than cut
    @Test
    void longNamesWrapWithinTheDescriptionColumn() throws Exception {
        byte[] pdf = DocumentPdf.render(DOCUMENTS.get("monthly-invoice").get());
        String flowing = flowing(pdf);
        assertThat(flowing).contains("Acme Analytics Enterprise: Annual plan, instalment 7 of 12 of the 12-month"
                + " commitment", "Annual plan, seats added during the month, pro rata, billed with instalment 7 of 12",
                "customer Globex Corporation International Holdings (account"
                + " billing-account-globex-analytics-subaccount), subscription", "Discount 10% on line 1");
        // seat-days against a per-month unit, both said in words, side by side
        assertThat(text(pdf)).contains("10 seats x 31 days = 10.00 per", "310 seat-days user-month");
        // an id wider than the column breaks inside the word, every character kept
        assertThat(flowing.replace(" ", ""))
                .contains("subscription-billing-account-globex-analytics-subaccount-sku-acme-analytics-enterprise");
        // between the column headings and the totals, the description column ends before the quantity column
        List<Glyph> glyphs = glyphs(pdf);
        float headings = glyphs.stream().filter(g -> g.text().equals("#")).findFirst().orElseThrow().y();
        float totals = glyphs.stream().filter(g -> g.text().equals("S") && g.x() == DocumentPdf.QUANTITY_X)
                .findFirst().orElseThrow().y();
        assertThat(glyphs).filteredOn(g -> g.y() > headings && g.y() < totals && g.x() < DocumentPdf.QUANTITY_X)
                .hasSizeGreaterThan(300)
                .allSatisfy(g -> assertThat(g.x() + g.width()).isLessThanOrEqualTo(DocumentPdf.QUANTITY_X));
    }

    // B1 (D-110): a line whose month is not one instalment of the 12 says so without a number
    @Test
    void anInstalmentWithoutANumberIsStillNamed() throws Exception {
        io.channelhub.billing.event.InvoiceLine unnumbered = io.channelhub.billing.event.InvoiceLine.newBuilder(
                Samples.lines().get(0)).setInstalment(null).build();
        String flowing = flowing(DocumentPdf.render(Documents.monthlyInvoice(Samples.monthlyInvoice(
                List.of(unnumbered), "100.00", "10.00", "0.00", "90.00"), Samples.ISSUER,
                Samples.assigned("CH-2027-000006", "2027-01-01", 30))));
        assertThat(flowing).contains("Annual plan, monthly instalment of the 12-month commitment")
                .doesNotContain(" of 12 ");
    }

    // B4, B6, B7, R2 (issue 23): in every document type, between the column headings and the totals, each cell
    // ends inside its column: the description before the quantity, the quantity before the unit price
    @Test
    void everyCellOfEveryDocumentStaysInItsColumn() throws Exception {
        for (var entry : DOCUMENTS.entrySet()) {
            List<Glyph> glyphs = glyphs(DocumentPdf.render(entry.getValue().get()));
            float headings = glyphs.stream().filter(g -> g.text().equals("#")).findFirst().orElseThrow().y();
            // quantities start with a digit, the totals' labels with a letter
            float totals = glyphs.stream().filter(g -> g.x() == DocumentPdf.QUANTITY_X && g.y() > headings
                    && Character.isLetter(g.text().charAt(0))).map(Glyph::y).min(Float::compare).orElseThrow();
            List<Glyph> rows = glyphs.stream().filter(g -> g.y() > headings && g.y() < totals).toList();
            assertThat(rows).as(entry.getKey() + ": descriptions").filteredOn(g -> g.x() < DocumentPdf.QUANTITY_X)
                    .hasSizeGreaterThan(50)
                    .allSatisfy(g -> assertThat(g.x() + g.width()).isLessThanOrEqualTo(DocumentPdf.QUANTITY_X));
            assertThat(rows).as(entry.getKey() + ": quantities").filteredOn(g -> g.x() >= DocumentPdf.QUANTITY_X
                    && g.x() < DocumentPdf.QUANTITY_X + DocumentPdf.QUANTITY_WIDTH).isNotEmpty()
                    .allSatisfy(g -> assertThat(g.x() + g.width())
                            .isLessThanOrEqualTo(DocumentPdf.QUANTITY_X + DocumentPdf.QUANTITY_WIDTH));
        }
    }

    // B4, D6: the discount and the credit are lines of their own; totals reconcile and a zero is never signed
    @Test
    void deductionsAreLinesOfTheirOwnAndZeroIsNeverSigned() throws Exception {
        String text = text(DocumentPdf.render(DOCUMENTS.get("monthly-invoice").get()));
        assertThat(text).contains("Subtotal 133.37", "Discounts -10.54", "Total due 122.83", "-10.00", "-0.54")
                .doesNotContain("Migration credit applied");

        String nothingDue = text(DocumentPdf.render(Documents.monthlyInvoice(Samples.monthlyInvoice(List.of(),
                "0.00", "0.00", "0.00", "0.00"), Samples.ISSUER, Samples.assigned("CH-2027-000003", "2027-01-01",
                30))));
        assertThat(nothingDue).contains("Discounts 0.00", "Total due 0.00").doesNotContain("-0.00",
                "Reference to quote");

        String credited = text(DocumentPdf.render(Documents.monthlyInvoice(Samples.monthlyInvoice(
                Samples.lines(), "133.37", "10.54", "22.83", "100.00"), Samples.ISSUER,
                Samples.assigned("CH-2027-000004", "2027-01-01", 30))));
        assertThat(credited).contains("Migration credit applied -22.83", "Total due 100.00");
    }

    // R3: wire transfer only, the marketplace's account, the amount, the due date from the payer's terms and the
    // number to quote
    @Test
    void thePaymentBlockSaysHowWhenAndWithWhichReference() throws Exception {
        String text = text(DocumentPdf.render(DOCUMENTS.get("monthly-invoice").get()));
        assertThat(text).contains("Channel Hub Marketplace B.V.", "Keizersgracht 100", "VAT NL859999999B01",
                "BILL TO", "Northwind Resale", "12 Harbour Street", "No. CH-2027-000001", "Issue date: 2027-01-01",
                "Service period: 2026-12-01 to 2026-12-31", "Payment terms: 45 days", "Due date: 2027-02-15",
                "Payment by wire transfer only; card payments are not accepted.", "IBAN: NL91ABNA0417164300",
                "BIC: ABNANL2A", "Amount: 122.83 EUR", "Due date: 2027-02-15",
                "Reference to quote with your transfer: CH-2027-000001");

        assertThat(text(DocumentPdf.render(DOCUMENTS.get("credit-note").get()))).contains("Credit note",
                "Credits invoice: CH-2027-000001", "Total credited -90.00").doesNotContain("How to pay");
    }

    // R1, R2, R6: ship-to the customer, the reseller discount and the sales tax as lines, due 30 days after the order
    @Test
    void theOrderInvoiceShowsShipToDiscountAndTax() throws Exception {
        String text = text(DocumentPdf.render(DOCUMENTS.get("order-invoice").get()));
        assertThat(text).contains("SHIP TO", "Initech", "it@initech.example", "Reseller discount 10%", "-100.00",
                "Sales tax 8.875% (your location)", "79.88", "Total due 979.88",
                "Due date: 2027-01-04 (30 days after the order date)", "Amount: 979.88 USD");
    }

    // B6: the statement lists each migrated order's credit and where the credit may be used; nothing to pay
    @Test
    void theCreditStatementSaysWhereTheCreditMayBeUsed() throws Exception {
        String text = flowing(DocumentPdf.render(DOCUMENTS.get("migration-credit-statement").get()));
        assertThat(text).contains("Migration credit statement", "81 of 365 days", "400.00 paid", "88.77",
                "never paid out as cash").doesNotContain("How to pay");
        assertThat(text(DocumentPdf.render(DOCUMENTS.get("migration-credit-statement").get())))
                .contains("Migration credit earned 88.77");
    }

    // B4: a long invoice continues on further pages under the column headings again
    @Test
    void aLongInvoiceRunsOverSeveralPages() throws Exception {
        List<io.channelhub.billing.event.InvoiceLine> many = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            many.add(Samples.line(i, "billing-account-initech", "sku-acme-backup", "FLEXIBLE_USAGE", "2026-12-01",
                    "2026-12-31", 217, "4.00", "28.00", "0.00", "0.00", "28.00"));
        }
        byte[] pdf = DocumentPdf.render(Documents.monthlyInvoice(Samples.monthlyInvoice(many, "1680.00", "0.00",
                "0.00", "1680.00"), Samples.ISSUER, Samples.assigned("CH-2027-000005", "2027-01-01", 30)));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        String text = text(pdf);
        assertThat(text.split("Description", -1)).hasSizeGreaterThan(2);
        assertThat(text).contains("Total due 1680.00");
        assertThat(text.split("7 seats x 31 days", -1)).hasSize(61);
    }

    /** {@code y} grows down the page. */
    record Glyph(String text, float x, float y, float width, float size) {
    }

    private static List<Glyph> glyphs(byte[] pdf) throws IOException {
        List<Glyph> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void writeString(String text, List<TextPosition> positions) {
                for (TextPosition p : positions) {
                    glyphs.add(new Glyph(p.getUnicode(), p.getXDirAdj(), p.getYDirAdj(), p.getWidthDirAdj(),
                            p.getFontSizeInPt()));
                }
            }
        };
        try (PDDocument document = Loader.loadPDF(pdf)) {
            stripper.getText(document);
        }
        return glyphs;
    }

    /** The text as a reader sees it, line by line across the columns. */
    static String text(byte[] pdf) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(true);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return stripper.getText(document);
        }
    }

    /** The text in the order it was written, a cell's wrapped lines one after another, joined by single spaces. */
    static String flowing(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private static int inked(BufferedImage image) {
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xff) < 128) {
                    dark++;
                }
            }
        }
        return dark;
    }
}
