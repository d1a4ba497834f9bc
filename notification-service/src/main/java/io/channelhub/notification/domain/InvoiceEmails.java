package io.channelhub.notification.domain;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.documents.Assigned;
import io.channelhub.documents.InvoicePdf;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.pricing.AvroMoney;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * B4: the payer (a reseller, never a customer: D7) is told its invoice was issued, with the invoice as a PDF,
 * the same numbered document billing-service serves (D-102). B7: in its migration month a reseller is also told
 * of the prepaid invoice, with its orders and the prepaid invoice as a PDF.
 */
public final class InvoiceEmails {

    public static final String ISSUED = "invoice-issued";
    public static final String PREPAID_ISSUED = "prepaid-invoice-issued";

    /** The invoice the event's e-mail attaches, so waits for its number; null when it sends none. */
    static String documentId(SpecificRecord event) {
        if (event instanceof InvoiceIssued invoice && !invoice.getPayerEmail().isBlank()) {
            return invoice.getInvoiceId();
        }
        if (event instanceof PrepaidInvoiceIssued prepaid && prepaid.getResellerEmail() != null
                && !prepaid.getResellerEmail().isBlank()) {
            return prepaid.getInvoiceId();
        }
        return null;
    }

    void plan(SpecificRecord event, Assigned document, Emails emails) {
        if (documentId(event) == null) {
            return;
        }
        Objects.requireNonNull(document, "an invoice is e-mailed once numbered");
        if (event instanceof InvoiceIssued invoice) {
            Map<String, Object> model = new HashMap<>();
            model.put("invoiceNumber", document.number());
            model.put("month", invoice.getMonth());
            model.put("lines", invoice.getLines().size());
            model.put("totalDue", AvroMoney.fromAvro(invoice.getTotalDue()).rounded().amount().toPlainString()
                    + " " + invoice.getCurrency());
            model.put("dueOn", document.dueOn().toString());
            model.put("issuedAt", Emails.WHEN.format(invoice.getIssuedAt()));
            emails.add(ISSUED, invoice.getPayerEmail(), invoice.getPayerName(), "Your invoice " + document.number()
                    + " for " + invoice.getMonth(), model, false, List.of(new PlannedEmail.Attachment(
                            InvoicePdf.filename(invoice), "application/pdf", InvoicePdf.render(invoice, document))));
        } else if (event instanceof PrepaidInvoiceIssued prepaid) {
            Map<String, Object> model = new HashMap<>();
            model.put("invoiceNumber", document.number());
            model.put("month", prepaid.getMonth());
            model.put("lines", prepaid.getLines().stream().map(l -> Map.of("orderId", l.getOrderId(), "product",
                    ResellerEmails.product(l.getSku(), document), "seats", l.getSeats(), "amount",
                    money(l.getAmount()))).toList());
            model.put("total", money(prepaid.getTotal()) + " " + prepaid.getTotal().getCurrency());
            model.put("dueOn", document.dueOn().toString());
            emails.add(PREPAID_ISSUED, prepaid.getResellerEmail(), prepaid.getResellerName() == null
                    ? prepaid.getResellerId() : prepaid.getResellerName(), "Your prepaid invoice " + document.number()
                    + " for " + prepaid.getMonth(), model, false, List.of(new PlannedEmail.Attachment(
                            InvoicePdf.filename(prepaid), "application/pdf", InvoicePdf.render(prepaid, document))));
        }
    }

    private static String money(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }
}
