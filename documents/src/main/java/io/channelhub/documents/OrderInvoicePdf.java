package io.channelhub.documents;

import io.channelhub.reseller.event.ResellerOrder;

/** A reseller order's invoice as attached to the order e-mails (R2, R4), numbered (D-102). */
public final class OrderInvoicePdf {

    private OrderInvoicePdf() {
    }

    public static byte[] render(ResellerOrder order, Assigned assigned) {
        return DocumentPdf.render(Documents.orderInvoice(order, InvoicePdf.DEFAULT_ISSUER, assigned));
    }

    public static String filename(ResellerOrder order) {
        return "invoice-order-" + order.getOrderId() + ".pdf";
    }
}
