package io.channelhub.billing.domain.document;

import java.time.LocalDate;

/**
 * Issue 23: a document's human number and due date. Numbers run 1, 2, 3... per issuer, series and year with no gap:
 * the caller keeps the last number of each series and remembers every document's number, so a replayed document is
 * never numbered twice. Invoices read {@code CH-2027-000001}, credit notes {@code CH-CN-2027-000001}.
 */
public final class DocumentNumbers {

    /** Payment terms of a payer whose directory entry states none (D-97); R5's term for reseller orders. */
    public static final int DEFAULT_TERMS_DAYS = 30;

    private DocumentNumbers() {
    }

    /**
     * @param lastSequence the series' last number so far, 0 for none
     * @param payerTerms   the payer's payment terms in days from the directory, or null
     */
    public static Numbered next(IssuedDocument document, String issuerId, int lastSequence, Integer payerTerms) {
        int sequence = lastSequence + 1;
        String number = issuerId + (document.type().series() == DocumentType.Series.CN ? "-CN-" : "-")
                + document.issuedOn().getYear() + "-" + String.format("%06d", sequence);
        if (document.fixedDueOn() != null) {
            int days = (int) java.time.temporal.ChronoUnit.DAYS.between(document.issuedOn(), document.fixedDueOn());
            return new Numbered(sequence, number, Math.max(0, days), document.fixedDueOn());
        }
        int terms = payerTerms != null && payerTerms >= 0 ? payerTerms : DEFAULT_TERMS_DAYS;
        return new Numbered(sequence, number, terms, document.issuedOn().plusDays(terms));
    }

    /** The number assigned and the due date it fixes. */
    public record Numbered(int sequence, String number, int termsDays, LocalDate dueOn) {
    }
}
