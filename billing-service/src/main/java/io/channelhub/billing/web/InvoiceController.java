package io.channelhub.billing.web;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.billing.stream.DocumentNumbering;
import io.channelhub.documents.Assigned;
import io.channelhub.documents.Document;
import io.channelhub.documents.Documents;
import io.channelhub.documents.InvoicePdf;
import io.channelhub.documents.Issuer;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.platform.security.Caller;
import io.channelhub.platform.security.Party;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.Problems;
import io.channelhub.platform.web.StoreLocator;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * B4 over HTTP: a payer's invoice for a month as JSON or PDF, from the instance that holds the payer's partition,
 * and an invoice by id, the migration month's prepaid one included (B7; the id index is partitioned by payer, so
 * other instances are asked in turn).
 *
 * <p>Issue 10: an invoice is its payer's (a reseller) and any operator's. By payer and month the path names the
 * payer, so another caller is plainly refused (403); by id nothing tells the caller whose it is, so an invoice of
 * another payer is "not found" exactly like an unknown id, and ids cannot be probed.
 */
@RestController
class InvoiceController {

    private final StoreLocator stores;
    private final PeerForwarder forwarder;

    private final Issuer issuer;

    InvoiceController(StoreLocator stores, PeerForwarder forwarder, Issuer issuer) {
        this.stores = stores;
        this.forwarder = forwarder;
        this.issuer = issuer;
    }

    @GetMapping("/payers/{payerId}/invoices/{month}")
    ResponseEntity<?> json(@PathVariable String payerId, @PathVariable String month, Caller caller,
            HttpServletRequest request) {
        return invoice(payerId, month, caller, request, invoice -> ResponseEntity.ok(InvoiceView.of(invoice,
                document(invoice))));
    }

    @GetMapping("/payers/{payerId}/invoices/{month}/pdf")
    ResponseEntity<?> pdf(@PathVariable String payerId, @PathVariable String month, Caller caller,
            HttpServletRequest request) {
        return invoice(payerId, month, caller, request, invoice -> PdfResponses.of(document(invoice),
                InvoicePdf.filename(invoice)));
    }

    @GetMapping("/invoices/{invoiceId}")
    ResponseEntity<?> byId(@PathVariable String invoiceId, Caller caller, HttpServletRequest request) {
        return byId(invoiceId, caller, request, false);
    }

    /** Any invoice by id as its PDF, the migration month's prepaid one included (B7). */
    @GetMapping("/invoices/{invoiceId}/pdf")
    ResponseEntity<?> pdfById(@PathVariable String invoiceId, Caller caller, HttpServletRequest request) {
        return byId(invoiceId, caller, request, true);
    }

    private ResponseEntity<?> byId(String invoiceId, Caller caller, HttpServletRequest request, boolean pdf) {
        String key = stores.<String>local(BillingTopology.INVOICE_IDS_STORE).get(invoiceId);
        if (key != null) {
            SpecificRecord stored = stores.<SpecificRecord>local(BillingTopology.INVOICES_STORE).get(key);
            // the same answer as for an id nobody issued; the peers, asked in turn, answer so too
            if (stored instanceof InvoiceIssued invoice && caller.mayRead(Party.reseller(invoice.getPayerId()))) {
                Document document = document(invoice);
                return pdf ? PdfResponses.of(document, InvoicePdf.filename(invoice))
                        : ResponseEntity.ok(InvoiceView.of(invoice, document));
            }
            if (stored instanceof PrepaidInvoiceIssued prepaid
                    && caller.mayRead(Party.reseller(prepaid.getResellerId()))) {
                Document document = Documents.prepaidInvoice(prepaid, issuer, assigned(prepaid.getInvoiceId(),
                        prepaid.getMeta().getOccurredAt()));
                return pdf ? PdfResponses.of(document, InvoicePdf.filename(prepaid))
                        : ResponseEntity.ok(PrepaidInvoiceView.of(prepaid, document));
            }
            throw unknown(invoiceId);
        }
        if (PeerForwarder.isForwarded(request)) {
            throw unknown(invoiceId);
        }
        // each peer checks the caller's token (relayed) itself: another payer's invoice comes back as a 404 too
        return forwarder.firstAnswer(stores.otherInstances(), request, "invoice " + invoiceId)
                .<ResponseEntity<?>>map(answer -> answer)
                .orElseThrow(() -> unknown(invoiceId));
    }

    private ResponseEntity<?> invoice(String payerId, String month, Caller caller, HttpServletRequest request,
            Function<InvoiceIssued, ResponseEntity<?>> answer) {
        if (!caller.mayRead(Party.reseller(payerId))) {
            throw Problems.forbidden("Only the payer itself sees its invoices.");
        }
        String yearMonth = Months.parse(month);
        // the store's keys extend the payer, which chose the partition (billing.commands is keyed by payer): locate
        // by the payer, read by payer and month
        StoreLocator.Location<SpecificRecord> location = stores.locate(BillingTopology.INVOICES_STORE, payerId,
                payerId + "|" + yearMonth, PeerForwarder.isForwarded(request));
        return forwarder.answer(location, request, "the invoices of payer " + payerId, invoice -> {
            if (invoice == null) {
                throw Problems.notFound("UNKNOWN_INVOICE", "Invoice not found", "No invoice of " + payerId
                        + " for " + yearMonth + " has been issued.");
            }
            return answer.apply((InvoiceIssued) invoice);
        });
    }

    /** The JSON view and the PDF show this one document. */
    private Document document(InvoiceIssued invoice) {
        return Documents.monthlyInvoice(invoice, issuer, assigned(invoice.getInvoiceId(), invoice.getIssuedAt()));
    }

    /**
     * The number, due date and address numbering gave the document (every instance holds every number), or, in
     * the moment before it is numbered, its id and the default terms.
     */
    private Assigned assigned(String documentId, Instant issuedAt) {
        if (stores.<SpecificRecord>local(DocumentNumbering.NUMBERS_STORE).get(documentId)
                instanceof DocumentNumbered numbered) {
            return Assigned.numbered(numbered);
        }
        return Assigned.beforeNumbering(documentId, issuedAt.atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static ErrorResponseException unknown(String invoiceId) {
        return Problems.notFound("UNKNOWN_INVOICE", "Invoice not found", "No invoice " + invoiceId + " is known.");
    }
}
