package io.channelhub.notification.domain;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.documents.InvoicePdf;
import io.channelhub.pricing.AvroMoney;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * B4: the payer (a reseller, never a customer: D7) is told its invoice was issued, with the invoice as a PDF,
 * the same document billing-service serves.
 */
public final class InvoiceEmails {

    public static final String ISSUED = "invoice-issued";

    void plan(SpecificRecord event, Emails emails) {
        if (event instanceof InvoiceIssued invoice && !invoice.getPayerEmail().isBlank()) {
            Map<String, Object> model = new HashMap<>();
            model.put("invoiceId", invoice.getInvoiceId());
            model.put("month", invoice.getMonth());
            model.put("lines", invoice.getLines().size());
            model.put("totalDue", AvroMoney.fromAvro(invoice.getTotalDue()).rounded().amount().toPlainString()
                    + " " + invoice.getCurrency());
            model.put("issuedAt", Emails.WHEN.format(invoice.getIssuedAt()));
            emails.add(ISSUED, invoice.getPayerEmail(), invoice.getPayerName(), "Your invoice for "
                    + invoice.getMonth(), model, false, List.of(new PlannedEmail.Attachment(
                            InvoicePdf.filename(invoice), "application/pdf", InvoicePdf.render(invoice))));
        }
    }
}
