package io.channelhub.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** A document written top to bottom on A4 pages, a new page when one is full: what every document here needs. */
final class PdfPages implements AutoCloseable {

    static final float MARGIN = 40;
    static final float RIGHT = PDRectangle.A4.getWidth() - MARGIN;
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

    /** Writes {@code value} so that it ends at {@code right}: amounts line up on their decimal point. */
    PdfPages right(PDType1Font font, float size, float right, String value) {
        return text(font, size, right - width(font, size, value), value);
    }

    /** A thin rule across the page at the current line. */
    PdfPages rule() {
        try {
            page.setLineWidth(0.5f);
            page.moveTo(MARGIN, y + LEADING * 0.7f);
            page.lineTo(PDRectangle.A4.getWidth() - MARGIN, y + LEADING * 0.7f);
            page.stroke();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float width(PDType1Font font, float size, String value) {
        try {
            return font.getStringWidth(value) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code value} broken into lines no wider than {@code width}, at spaces where it can and inside a word only when
     * the word alone is wider: a cell wraps, it is never cut.
     */
    static List<String> wrap(PDType1Font font, float size, String value, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : value.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > width) {
                int fits = rest.length() - 1;
                while (fits > 1 && width(font, size, rest.substring(0, fits)) > width) {
                    fits--;
                }
                lines.add(rest.substring(0, fits));
                rest = rest.substring(fits);
            }
            line.append(rest);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Moves down {@code points}. */
    PdfPages drop(float points) {
        y -= points;
        return this;
    }

    float y() {
        return y;
    }

    /** Back to a line already written on this page: a second column beside the first. */
    PdfPages at(float line) {
        y = line;
        return this;
    }

    /** True (after starting a new page) when less than {@code points} are left. */
    boolean newPageUnlessRoom(float points) {
        if (y - points < MARGIN) {
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
