package io.channelhub.billing.web;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.documents.InvoicePdf;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.Problems;
import io.channelhub.platform.web.StoreLocator;
import jakarta.servlet.http.HttpServletRequest;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * B4 over HTTP: a payer's invoice for a month as JSON or PDF, from the instance that holds the payer's partition,
 * and an invoice by id (the id index is partitioned by payer, so other instances are asked in turn).
 */
@RestController
class InvoiceController {

    private final StoreLocator stores;
    private final PeerForwarder forwarder;

    InvoiceController(StoreLocator stores, PeerForwarder forwarder) {
        this.stores = stores;
        this.forwarder = forwarder;
    }

    @GetMapping("/payers/{payerId}/invoices/{month}")
    ResponseEntity<?> json(@PathVariable String payerId, @PathVariable String month, HttpServletRequest request) {
        return invoice(payerId, month, request, invoice -> ResponseEntity.ok(InvoiceView.of(invoice)));
    }

    @GetMapping("/payers/{payerId}/invoices/{month}/pdf")
    ResponseEntity<?> pdf(@PathVariable String payerId, @PathVariable String month, HttpServletRequest request) {
        return invoice(payerId, month, request, invoice -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(InvoicePdf.filename(invoice)).build().toString())
                .body(InvoicePdf.render(invoice)));
    }

    @GetMapping("/invoices/{invoiceId}")
    ResponseEntity<?> byId(@PathVariable String invoiceId, HttpServletRequest request) {
        String key = stores.<String>local(BillingTopology.INVOICE_IDS_STORE).get(invoiceId);
        if (key != null) {
            return ResponseEntity.ok(InvoiceView.of((InvoiceIssued) stores.<SpecificRecord>local(
                    BillingTopology.INVOICES_STORE).get(key)));
        }
        if (PeerForwarder.isForwarded(request)) {
            throw unknown("No invoice " + invoiceId + " is known.");
        }
        return forwarder.firstAnswer(stores.otherInstances(), request, "invoice " + invoiceId)
                .<ResponseEntity<?>>map(answer -> answer)
                .orElseThrow(() -> unknown("No invoice " + invoiceId + " is known."));
    }

    private ResponseEntity<?> invoice(String payerId, String month, HttpServletRequest request,
            java.util.function.Function<InvoiceIssued, ResponseEntity<?>> answer) {
        try {
            YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw Problems.of(org.springframework.http.HttpStatus.BAD_REQUEST, "MALFORMED_MONTH", "Month malformed",
                    "The month is written yyyy-MM, e.g. 2026-10: " + month);
        }
        StoreLocator.Location<SpecificRecord> location = stores.locate(BillingTopology.INVOICES_STORE,
                payerId + "|" + month, PeerForwarder.isForwarded(request));
        if (location instanceof StoreLocator.Elsewhere<SpecificRecord> elsewhere) {
            return forwarder.relay(elsewhere.host(), request, "the invoices of payer " + payerId);
        }
        SpecificRecord invoice = ((StoreLocator.Here<SpecificRecord>) location).value();
        if (invoice == null) {
            throw unknown("No invoice of " + payerId + " for " + month + " has been issued.");
        }
        return answer.apply((InvoiceIssued) invoice);
    }

    private static ErrorResponseException unknown(String detail) {
        return Problems.notFound("UNKNOWN_INVOICE", "Invoice not found", detail);
    }
}
