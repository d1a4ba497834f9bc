package io.channelhub.billing.domain.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What numbering needs of an issued document: its id, type and payer, its issue date (UTC), the due date the rules
 * already fixed (R5: an order is due 30 days after it was placed) or null when the payer's terms decide, the
 * customer accounts and the SKUs its lines mention and, for a credit note, the invoice it credits.
 */
public record IssuedDocument(String documentId, DocumentType type, String payerId, LocalDate issuedOn,
                             LocalDate fixedDueOn, List<String> accountIds, List<String> skus,
                             String creditedInvoiceId) {

    public IssuedDocument {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(issuedOn, "issuedOn");
        accountIds = List.copyOf(accountIds);
        skus = List.copyOf(skus);
    }

    /** The series this document takes its number from: per issuer, series and year of issue. */
    public String seriesKey(String issuerId) {
        return seriesKey(issuerId, type.series().name(), issuedOn.getYear());
    }

    /** {@code <issuer>|<series>|<year>}: one number series, numbered by one task. */
    public static String seriesKey(String issuerId, String series, int year) {
        return issuerId + "|" + series + "|" + year;
    }
}
