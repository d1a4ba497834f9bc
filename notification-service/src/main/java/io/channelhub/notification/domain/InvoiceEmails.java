package io.channelhub.notification.domain;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.documents.InvoicePdf;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.pricing.AvroMoney;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * B4: the payer (a reseller, never a customer: D7) is told its invoice was issued, with the invoice as a PDF,
 * the same document billing-service serves. B7: in its migration month a reseller is also told of the prepaid
 * invoice, with its orders.
 */
public final class InvoiceEmails {

    public static final String ISSUED = "invoice-issued";
    public static final String PREPAID_ISSUED = "prepaid-invoice-issued";

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
        } else if (event instanceof PrepaidInvoiceIssued prepaid && prepaid.getResellerEmail() != null
                && !prepaid.getResellerEmail().isBlank()) {
            Map<String, Object> model = new HashMap<>();
            model.put("invoiceId", prepaid.getInvoiceId());
            model.put("month", prepaid.getMonth());
            model.put("lines", prepaid.getLines().stream().map(l -> Map.of("orderId", l.getOrderId(), "sku",
                    l.getSku(), "seats", l.getSeats(), "amount", money(l.getAmount()))).toList());
            model.put("total", money(prepaid.getTotal()) + " " + prepaid.getTotal().getCurrency());
            emails.add(PREPAID_ISSUED, prepaid.getResellerEmail(), prepaid.getResellerName() == null
                    ? prepaid.getResellerId() : prepaid.getResellerName(), "Your prepaid invoice for "
                    + prepaid.getMonth(), model, false);
        }
    }

    private static String money(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }
}
