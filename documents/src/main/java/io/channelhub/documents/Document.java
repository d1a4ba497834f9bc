package io.channelhub.documents;

import io.channelhub.pricing.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a document shows, in the words an accountant reads: who issues it, who is billed, its number and dates, lines
 * that say what was bought, discounts, credits and tax as lines of their own, the totals and how to pay. The PDF
 * ({@link DocumentPdf}) and the JSON views print this one record, so both say the same. Amounts are strings already
 * rounded to the currency's scale ({@link Amounts}), printed never as "-0.00"; text that mentions an amount
 * ({@code unitPrice}, {@code quantity}) is already words.
 *
 * @param title    "Invoice", "Credit note", "Migration credit statement"...
 * @param number   the human number (gapless per issuer, series and year), or the document id while none is assigned
 * @param facts    issue date, service period, due date, terms, references: label and value, in order
 * @param shipTo   the end customer of a reseller order (R2), else null
 * @param payment  how to pay (R3), or null when nothing is to be paid (credit note, statement)
 * @param notes    sentences that explain the figures (seat-days, where a credit may be used...)
 */
public record Document(String title, String number, String currency, Party issuer, Party billTo, Party shipTo,
                       List<Fact> facts, List<Line> lines, List<Total> totals, Payment payment, List<String> notes) {

    public Document {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(billTo, "billTo");
        facts = List.copyOf(facts);
        lines = List.copyOf(lines);
        totals = List.copyOf(totals);
        notes = List.copyOf(notes);
    }

    /** A name, a reference (id, tax number) and postal address lines; empty lines when the directory has none. */
    public record Party(String name, String reference, List<String> address) {
        public Party {
            Objects.requireNonNull(name, "name");
            address = List.copyOf(address);
        }
    }

    public record Fact(String label, String value) {
    }

    /**
     * One line: {@code description} says what was bought in words, {@code detail} for whom and when; the quantity
     * and unit say how the amount was reached. A discount or a credit is a line of its own with a negative amount.
     */
    public record Line(String number, String description, String detail, String quantity, String unitPrice,
                       Money amount) {
    }

    /** {@code due} marks the line that says what is owed (printed in bold, quoted in the payment block). */
    public record Total(String label, Money amount, boolean due) {
    }

    /** R3: payment by wire transfer only, to this account, quoting {@code reference}. */
    public record Payment(String method, String beneficiary, String bank, String iban, String bic, Money amount,
                          LocalDate dueOn, String reference) {
    }
}
