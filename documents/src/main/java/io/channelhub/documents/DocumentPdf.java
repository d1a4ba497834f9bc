package io.channelhub.documents;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * A {@link Document} on A4: the issuer and the title with its number and dates side by side, bill-to (and ship-to),
 * a table whose cells wrap instead of being cut, the totals, how to pay, and the notes that explain the figures.
 */
public final class DocumentPdf {

    private static final float M = PdfPages.MARGIN;
    private static final float R = PdfPages.RIGHT;
    private static final float SECOND_COLUMN = 330;
    private static final float NUMBER_X = M;
    private static final float DESCRIPTION_X = 60;
    private static final float DESCRIPTION_WIDTH = 258;
    static final float QUANTITY_X = 324;
    static final float QUANTITY_WIDTH = 88;
    private static final float UNIT_RIGHT = 478;
    private static final float UNIT_WIDTH = 58;
    private static final float BODY = 9;
    private static final float SMALL = 7.5f;
    private static final float LINE = 11;
    private static final float SMALL_LINE = 9;

    private DocumentPdf() {
    }

    public static byte[] render(Document document) {
        try (PdfPages pdf = new PdfPages(document.title() + " " + document.number())) {
            header(pdf, document);
            parties(pdf, document);
            table(pdf, document);
            totals(pdf, document);
            payment(pdf, document);
            notes(pdf, document);
            return pdf.bytes();
        }
    }

    private static void header(PdfPages pdf, Document document) {
        float top = pdf.y();
        float left = party(pdf, M, null, document.issuer(), 12);
        pdf.at(top).text(pdf.bold, 18, SECOND_COLUMN, document.title()).drop(18);
        pdf.text(pdf.bold, 10, SECOND_COLUMN, "No. " + document.number()).drop(14);
        for (Document.Fact fact : document.facts()) {
            for (String line : PdfPages.wrap(pdf.regular, BODY, fact.label() + ": " + fact.value(), R - SECOND_COLUMN)) {
                pdf.text(pdf.regular, BODY, SECOND_COLUMN, line).drop(LINE);
            }
        }
        pdf.at(Math.min(left, pdf.y())).drop(14);
    }

    private static void parties(PdfPages pdf, Document document) {
        float top = pdf.y();
        float left = party(pdf, M, "Bill to", document.billTo(), 10);
        float right = document.shipTo() == null ? top : party(pdf.at(top), SECOND_COLUMN, "Ship to", document.shipTo(), 10);
        pdf.at(Math.min(left, right)).drop(14);
    }

    /** Writes a party's block at {@code x} from the current line; answers where it ended. */
    private static float party(PdfPages pdf, float x, String heading, Document.Party party, float nameSize) {
        float width = SECOND_COLUMN - M - 10;
        if (heading != null) {
            pdf.text(pdf.bold, SMALL, x, heading.toUpperCase()).drop(SMALL_LINE + 1);
        }
        for (String line : PdfPages.wrap(pdf.bold, nameSize, party.name(), width)) {
            pdf.text(pdf.bold, nameSize, x, line).drop(nameSize + 3);
        }
        List<String> rest = new ArrayList<>(party.address());
        if (party.reference() != null) {
            rest.add(party.reference());
        }
        for (String line : rest) {
            for (String part : PdfPages.wrap(pdf.regular, BODY, line, width)) {
                pdf.text(pdf.regular, BODY, x, part).drop(LINE);
            }
        }
        return pdf.y();
    }

    private static void table(PdfPages pdf, Document document) {
        heading(pdf, document.currency());
        for (Document.Line line : document.lines()) {
            List<String> description = PdfPages.wrap(pdf.regular, BODY, line.description(), DESCRIPTION_WIDTH);
            List<String> detail = line.detail() == null ? List.of()
                    : PdfPages.wrap(pdf.regular, SMALL, line.detail(), DESCRIPTION_WIDTH);
            List<String> quantity = PdfPages.wrap(pdf.regular, BODY, nonNull(line.quantity()), QUANTITY_WIDTH);
            List<String> unit = PdfPages.wrap(pdf.regular, BODY, nonNull(line.unitPrice()), UNIT_WIDTH);
            float height = Math.max(description.size() * LINE + detail.size() * SMALL_LINE,
                    Math.max(quantity.size(), unit.size()) * LINE) + 4;
            if (pdf.newPageUnlessRoom(height + LINE)) {
                heading(pdf, document.currency());
            }
            float top = pdf.y();
            pdf.text(pdf.regular, BODY, NUMBER_X, nonNull(line.number()));
            pdf.right(pdf.regular, BODY, R, Amounts.printed(line.amount()));
            for (String part : description) {
                pdf.text(pdf.regular, BODY, DESCRIPTION_X, part).drop(LINE);
            }
            for (String part : detail) {
                pdf.text(pdf.regular, SMALL, DESCRIPTION_X, part).drop(SMALL_LINE);
            }
            float bottom = pdf.y();
            pdf.at(top);
            for (int i = 0; i < Math.max(quantity.size(), unit.size()); i++) {
                if (i < quantity.size()) {
                    pdf.text(pdf.regular, BODY, QUANTITY_X, quantity.get(i));
                }
                if (i < unit.size()) {
                    pdf.right(pdf.regular, BODY, UNIT_RIGHT, unit.get(i));
                }
                pdf.drop(LINE);
            }
            pdf.at(Math.min(bottom, pdf.y())).drop(4);
        }
        pdf.drop(2).rule().drop(4);
    }

    private static void heading(PdfPages pdf, String currency) {
        pdf.text(pdf.bold, 8, NUMBER_X, "#").text(pdf.bold, 8, DESCRIPTION_X, "Description")
                .text(pdf.bold, 8, QUANTITY_X, "Quantity").right(pdf.bold, 8, UNIT_RIGHT, "Unit price")
                .right(pdf.bold, 8, R, "Amount (" + currency + ")").drop(3).rule().drop(LINE);
    }

    private static void totals(PdfPages pdf, Document document) {
        pdf.newPageUnlessRoom(document.totals().size() * (LINE + 2) + LINE);
        for (Document.Total total : document.totals()) {
            PDType1Font font = total.due() ? pdf.bold : pdf.regular;
            float size = total.due() ? 10.5f : BODY;
            pdf.right(font, size, R, Amounts.printed(total.amount()));
            for (String part : PdfPages.wrap(font, size, total.label(), UNIT_RIGHT - QUANTITY_X)) {
                pdf.text(font, size, QUANTITY_X, part).drop(LINE + 2);
            }
        }
        pdf.drop(8);
    }

    private static void payment(PdfPages pdf, Document document) {
        Document.Payment payment = document.payment();
        if (payment == null) {
            return;
        }
        List<String> lines = List.of(payment.method(), "Beneficiary: " + payment.beneficiary(),
                "Bank: " + payment.bank(), "IBAN: " + payment.iban(), "BIC: " + payment.bic(),
                "Amount: " + Amounts.printed(payment.amount()) + " " + document.currency(), "Due date: " + payment.dueOn());
        pdf.newPageUnlessRoom((lines.size() + 3) * LINE);
        pdf.text(pdf.bold, 10, M, "How to pay").drop(LINE + 2);
        for (String line : lines) {
            pdf.text(pdf.regular, BODY, M, line).drop(LINE);
        }
        pdf.text(pdf.bold, BODY, M, "Reference to quote with your transfer: " + payment.reference()).drop(LINE + 8);
    }

    private static void notes(PdfPages pdf, Document document) {
        for (String note : document.notes()) {
            List<String> parts = PdfPages.wrap(pdf.regular, SMALL + 0.5f, note, R - M);
            pdf.newPageUnlessRoom(parts.size() * SMALL_LINE + 4);
            for (String part : parts) {
                pdf.text(pdf.regular, SMALL + 0.5f, M, part).drop(SMALL_LINE + 1);
            }
            pdf.drop(3);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
