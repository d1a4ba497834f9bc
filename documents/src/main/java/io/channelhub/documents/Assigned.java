package io.channelhub.documents;

import io.channelhub.billing.event.DocumentNumbered;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What billing assigns to a document when it numbers it, fixed from then on: the human number, the issue and due
 * dates from the payer's terms, the payer's address and the names its lines mention ({@code account:<id>} -> the
 * customer's name, {@code sku:<sku>} -> the product's, {@code invoice:<id>} -> that invoice's number).
 */
public record Assigned(String number, LocalDate issuedOn, int termsDays, LocalDate dueOn, List<String> billToAddress,
                       Map<String, String> names) {

    /** Payment terms of a payer whose directory entry states none (D-97), as R5 gives reseller orders. */
    public static final int DEFAULT_TERMS_DAYS = 30;

    public Assigned {
        billToAddress = List.copyOf(billToAddress);
        names = Map.copyOf(names);
    }

    /** What billing's numbering fixed for a document, as its {@code DocumentNumbered} says. */
    public static Assigned numbered(DocumentNumbered numbered) {
        return new Assigned(numbered.getNumber(), numbered.getIssuedOn(), numbered.getTermsDays(), numbered.getDueOn(),
                numbered.getBillToAddress(), numbered.getNames());
    }

    /**
     * A document billing has not numbered yet (the endpoints, in the moment before numbering): its id
     * stands for the number and the default terms give the due date.
     */
    public static Assigned beforeNumbering(String documentId, LocalDate issuedOn) {
        return new Assigned(documentId, issuedOn, DEFAULT_TERMS_DAYS, issuedOn.plusDays(DEFAULT_TERMS_DAYS), List.of(),
                Map.of());
    }

    /**
     * A document that takes no number (the migration credit statement, D-95): {@code reference} stands for it; it
     * asks for no payment, so the default terms stand for its due date.
     */
    public static Assigned unnumbered(String reference, LocalDate issuedOn, List<String> billToAddress,
            Map<String, String> names) {
        return new Assigned(reference, issuedOn, DEFAULT_TERMS_DAYS, issuedOn.plusDays(DEFAULT_TERMS_DAYS),
                billToAddress, names);
    }

    /** The name of {@code kind:id} the document mentions ("sku", "account", "invoice"), else the id itself. */
    public String name(String kind, String id) {
        return names.getOrDefault(kind + ":" + id, id);
    }
}
