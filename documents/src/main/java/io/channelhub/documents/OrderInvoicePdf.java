package io.channelhub.documents;

import io.channelhub.pricing.AvroMoney;
import io.channelhub.reseller.event.OrderLine;
import io.channelhub.reseller.event.ResellerOrder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A reseller order's invoice as a PDF (R2), rendered from the order alone: bill-to the reseller, ship-to the end
 * customer, lines at retail, the reseller discount (R1), sales tax (R6), the total and when it is due (R5). It
 * goes to the reseller; the customer only ever sees order id, SKU and licence (R7).
 */
public final class OrderInvoicePdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final float M = PdfPages.MARGIN;
    private static final float[] COLUMNS = {M, 220, 300, 400};

    private OrderInvoicePdf() {
    }

    public static byte[] render(ResellerOrder order) {
        try (PdfPages pdf = new PdfPages("Invoice for order " + order.getOrderId())) {
            pdf.text(pdf.bold, 16, M, "Invoice for order " + order.getOrderId()).down(2);
            for (String line : List.of("Bill to: " + order.getResellerName() + " (" + order.getResellerId() + ")",
                    "Ship to: " + order.getCustomerName() + " <" + order.getCustomerEmail() + ">",
                    "Order date: " + DAY.format(order.getPlacedAt()), "Due: " + order.getDueOn()
                            + " (payment by wire transfer only)", "Currency: " + order.getCurrency())) {
                pdf.text(pdf.regular, 10, M, line).down(1);
            }
            pdf.down(1);
            row(pdf, true, "SKU", "Quantity", "Unit price", "Amount");
            for (OrderLine line : order.getLines()) {
                pdf.newPageUnless(6);
                row(pdf, false, InvoicePdf.clip(line.getSku(), 170), String.valueOf(line.getQuantity()),
                        money(line.getUnitPrice()), line.getAmount() == null ? "" : money(line.getAmount()));
            }
            pdf.down(1);
            total(pdf, "Subtotal (retail)", money(order.getSubtotal()));
            total(pdf, "Reseller discount " + pct(order.getDiscountPercent().toPlainString()),
                    "-" + money(order.getDiscount()));
            total(pdf, "Net", money(order.getNet()));
            total(pdf, order.getTaxExemptionCertificate() != null
                    ? "Sales tax: exempt (certificate " + order.getTaxExemptionCertificate() + ")"
                    : "Sales tax " + pct(order.getTaxPercent().toPlainString()), money(order.getTax()));
            total(pdf, "Total (" + order.getCurrency() + ")", money(order.getTotal()));
            return pdf.bytes();
        }
    }

    public static String filename(ResellerOrder order) {
        return "invoice-order-" + order.getOrderId() + ".pdf";
    }

    private static void row(PdfPages pdf, boolean heading, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            pdf.text(heading ? pdf.bold : pdf.regular, 9, COLUMNS[i], cells[i]);
        }
        pdf.down(1);
    }

    private static void total(PdfPages pdf, String label, String amount) {
        pdf.text(pdf.bold, 10, COLUMNS[1], label).text(pdf.bold, 10, COLUMNS[3], amount).down(1);
    }

    private static String pct(String percent) {
        return new java.math.BigDecimal(percent).stripTrailingZeros().toPlainString() + "%";
    }

    private static String money(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }
}
