package io.channelhub.billing.web;

import io.channelhub.billing.domain.document.DocumentType;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.billing.stream.DocumentNumbering;
import io.channelhub.documents.Assigned;
import io.channelhub.documents.Document;
import io.channelhub.documents.Documents;
import io.channelhub.documents.Issuer;
import io.channelhub.documents.OrderInvoicePdf;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.directory.DirectoryView;
import io.channelhub.platform.security.Caller;
import io.channelhub.platform.security.Party;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.Problems;
import io.channelhub.platform.web.StoreLocator;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.BiFunction;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 23 (D-111): the numbered documents no other endpoint serves, as JSON (the {@link Document} the PDF prints)
 * and as PDFs: a credit note (B4) and a reseller order's invoice (R2), each as it was issued, from the numbering
 * task that keeps it (its series' partition, found from the number every instance holds). Before it is numbered a
 * document is not served: a moment after it is issued. Authorised like the invoices (issue 10): the path names the
 * payer, so another caller is refused (403); a document of another payer under this payer's path is not found,
 * exactly like an id nobody issued.
 */
@RestController
class DocumentController {

    private final StoreLocator stores;
    private final PeerForwarder forwarder;
    private final Issuer issuer;

    DocumentController(StoreLocator stores, PeerForwarder forwarder, Issuer issuer) {
        this.stores = stores;
        this.forwarder = forwarder;
        this.issuer = issuer;
    }

    @GetMapping("/payers/{payerId}/credit-notes/{creditNoteId}")
    ResponseEntity<?> creditNote(@PathVariable String payerId, @PathVariable String creditNoteId, Caller caller,
            HttpServletRequest request) {
        return creditNote(payerId, creditNoteId, caller, request, false);
    }

    @GetMapping("/payers/{payerId}/credit-notes/{creditNoteId}/pdf")
    ResponseEntity<?> creditNotePdf(@PathVariable String payerId, @PathVariable String creditNoteId, Caller caller,
            HttpServletRequest request) {
        return creditNote(payerId, creditNoteId, caller, request, true);
    }

    @GetMapping("/resellers/{resellerId}/orders/{orderId}/invoice")
    ResponseEntity<?> orderInvoice(@PathVariable String resellerId, @PathVariable String orderId, Caller caller,
            HttpServletRequest request) {
        return orderInvoice(resellerId, orderId, caller, request, false);
    }

    @GetMapping("/resellers/{resellerId}/orders/{orderId}/invoice/pdf")
    ResponseEntity<?> orderInvoicePdf(@PathVariable String resellerId, @PathVariable String orderId, Caller caller,
            HttpServletRequest request) {
        return orderInvoice(resellerId, orderId, caller, request, true);
    }

    private ResponseEntity<?> creditNote(String payerId, String creditNoteId, Caller caller,
            HttpServletRequest request, boolean pdf) {
        return issued(payerId, creditNoteId, DocumentType.CREDIT_NOTE, caller, request, pdf,
                Problems.notFound("UNKNOWN_CREDIT_NOTE", "Credit note not found", "No credit note " + creditNoteId
                        + " of " + payerId + " is known (a credit note is served once it is numbered)."),
                (numbered, event) -> {
                    String payerName = new DirectoryView(stores.local(BillingTopology.DIRECTORY_STORE))
                            .reseller(payerId).map(Directory.Organisation::name).orElse(payerId);
                    return Documents.creditNote((CreditNoteIssued) event, payerName, issuer,
                            Assigned.numbered(numbered));
                }, (numbered, event) -> "credit-note-" + numbered.getNumber() + ".pdf");
    }

    private ResponseEntity<?> orderInvoice(String resellerId, String orderId, Caller caller,
            HttpServletRequest request, boolean pdf) {
        return issued(resellerId, orderId, DocumentType.ORDER_INVOICE, caller, request, pdf,
                Problems.notFound("UNKNOWN_ORDER", "Order invoice not found", "No invoice of order " + orderId
                        + " of " + resellerId + " is known (an order's invoice is served once it is numbered)."),
                (numbered, event) -> Documents.orderInvoice(((ResellerOrderAccepted) event).getOrder(), issuer,
                        Assigned.numbered(numbered)),
                (numbered, event) -> OrderInvoicePdf.filename(((ResellerOrderAccepted) event).getOrder()));
    }

    /**
     * The document as JSON or PDF, once the caller may read the payer's documents and numbering knows it as the
     * payer's, of this type; {@code unknown} otherwise.
     */
    private ResponseEntity<?> issued(String payerId, String documentId, DocumentType type, Caller caller,
            HttpServletRequest request, boolean pdf, ErrorResponseException unknown,
            BiFunction<DocumentNumbered, SpecificRecord, Document> document,
            BiFunction<DocumentNumbered, SpecificRecord, String> filename) {
        if (!caller.mayRead(Party.reseller(payerId))) {
            throw Problems.forbidden("Only the payer itself sees its documents.");
        }
        if (!(stores.<SpecificRecord>local(DocumentNumbering.NUMBERS_STORE).get(documentId)
                instanceof DocumentNumbered numbered) || !numbered.getPayerId().equals(payerId)
                || !numbered.getDocumentType().equals(type.name())) {
            throw unknown;
        }
        StoreLocator.Location<SpecificRecord> location = stores.locate(DocumentNumbering.ISSUED_STORE,
                DocumentNumbering.seriesKey(numbered), documentId, PeerForwarder.isForwarded(request));
        return forwarder.answer(location, request, "the documents of payer " + payerId, event -> {
            if (event == null) {
                throw unknown; // numbered before this store kept documents (D-111)
            }
            Document shown = document.apply(numbered, event);
            return pdf ? PdfResponses.of(shown, filename.apply(numbered, event)) : ResponseEntity.ok(shown);
        });
    }
}
