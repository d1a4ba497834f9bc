package io.channelhub.documents;

import io.channelhub.billing.event.InvoiceIssued;
import java.time.ZoneOffset;

/**
 * The monthly invoice's PDF as e-mailed with the "invoice issued" message (B4): rendered from the event alone, so
 * before billing numbers it (billing-service serves the numbered one).
 */
public final class InvoicePdf {

    private InvoicePdf() {
    }

    public static byte[] render(InvoiceIssued invoice) {
        return DocumentPdf.render(Documents.monthlyInvoice(invoice, Issuer.configured(new java.util.Properties()),
                Assigned.beforeNumbering(invoice.getInvoiceId(), invoice.getIssuedAt().atZone(ZoneOffset.UTC)
                        .toLocalDate())));
    }

    public static String filename(InvoiceIssued invoice) {
        return "invoice-" + invoice.getMonth() + "-" + invoice.getPayerId() + ".pdf";
    }
}
