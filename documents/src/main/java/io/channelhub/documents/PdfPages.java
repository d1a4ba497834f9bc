package io.channelhub.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A document written top to bottom on A4 pages, a new page when one is full: what every document here needs. */
final class PdfPages implements AutoCloseable {

    static final float MARGIN = 40;
    static final float LEADING = 13;
    final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private final PDDocument document = new PDDocument();
    private PDPageContentStream page;
    private float y;

    PdfPages(String title) {
        document.getDocumentInformation().setTitle(title);
        document.getDocumentInformation().setAuthor("Channel Hub");
        newPage();
    }

    /** Writes at {@code x} on the current line. */
    PdfPages text(PDType1Font font, float size, float x, String value) {
        try {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(value);
            page.endText();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves down {@code lines} lines. */
    PdfPages down(float lines) {
        y -= lines * LEADING;
        return this;
    }

    /** True (after starting a new page) when fewer than {@code lines} lines are left. */
    boolean newPageUnless(int lines) {
        if (y < MARGIN + lines * LEADING) {
            newPage();
            return true;
        }
        return false;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = next.getMediaBox().getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
