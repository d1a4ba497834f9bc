package io.channelhub.documents;

import io.channelhub.reseller.event.ResellerOrder;
import java.time.ZoneOffset;

/** A reseller order's invoice as attached to the order e-mail (R2), rendered from the order alone. */
public final class OrderInvoicePdf {

    private OrderInvoicePdf() {
    }

    public static byte[] render(ResellerOrder order) {
        return DocumentPdf.render(Documents.orderInvoice(order, Issuer.configured(new java.util.Properties()),
                Assigned.beforeNumbering(order.getOrderId(), order.getPlacedAt().atZone(ZoneOffset.UTC)
                        .toLocalDate())));
    }

    public static String filename(ResellerOrder order) {
        return "invoice-order-" + order.getOrderId() + ".pdf";
    }
}
