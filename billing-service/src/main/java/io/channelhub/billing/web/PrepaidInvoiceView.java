package io.channelhub.billing.web;

import io.channelhub.documents.Document;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import java.util.List;

/** B7: the migration month's prepaid invoice as JSON, for its reseller: the orders paid that month before opting in. */
record PrepaidInvoiceView(String invoiceId, String kind, String payerId, String payerName, String month,
        String currency, List<Line> lines, Money total, Document document) {

    record Line(String orderId, String sku, int seats, Money amount) {
    }

    /** {@code document}: the invoice as its PDF prints it. */
    static PrepaidInvoiceView of(PrepaidInvoiceIssued i, Document document) {
        return new PrepaidInvoiceView(i.getInvoiceId(), "PREPAID", i.getResellerId(), i.getResellerName(),
                i.getMonth(), i.getTotal().getCurrency(), i.getLines().stream().map(l -> new Line(l.getOrderId(),
                        l.getSku(), l.getSeats(), AvroMoney.fromAvro(l.getAmount()))).toList(),
                AvroMoney.fromAvro(i.getTotal()), document);
    }
}
