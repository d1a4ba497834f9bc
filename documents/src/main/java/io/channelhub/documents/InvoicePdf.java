package io.channelhub.documents;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import java.util.Properties;

/**
 * The monthly invoice (B4) and the migration month's prepaid invoice (B7) as PDFs, numbered: e-mailed once billing
 * has numbered them (D-102), so the attachment is the document billing-service serves.
 */
public final class InvoicePdf {

    /** The e-mailed copies use the issuer's defaults (D-96). */
    static final Issuer DEFAULT_ISSUER = Issuer.configured(new Properties());

    private InvoicePdf() {
    }

    public static byte[] render(InvoiceIssued invoice, Assigned assigned) {
        return DocumentPdf.render(Documents.monthlyInvoice(invoice, DEFAULT_ISSUER, assigned));
    }

    public static byte[] render(PrepaidInvoiceIssued invoice, Assigned assigned) {
        return DocumentPdf.render(Documents.prepaidInvoice(invoice, DEFAULT_ISSUER, assigned));
    }

    public static String filename(InvoiceIssued invoice) {
        return "invoice-" + invoice.getMonth() + "-" + invoice.getPayerId() + ".pdf";
    }

    public static String filename(PrepaidInvoiceIssued invoice) {
        return "invoice-prepaid-" + invoice.getMonth() + "-" + invoice.getResellerId() + ".pdf";
    }
}
