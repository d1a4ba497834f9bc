package io.channelhub.notification.domain;

import io.channelhub.documents.Assigned;
import io.channelhub.documents.OrderInvoicePdf;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.reseller.event.Licence;
import io.channelhub.reseller.event.ResellerAccountOpened;
import io.channelhub.reseller.event.ResellerOrder;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import io.channelhub.reseller.event.ResellerOrderReleased;
import io.channelhub.reseller.event.ResellerRequestRefused;
import io.channelhub.reseller.event.ResellerStatementIssued;
import io.channelhub.reseller.event.TemporaryLicenceIssued;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * What the reseller programme promises by e-mail (R1–R7). The reseller: welcome, refusals, an order held until paid,
 * the released order with its invoice as a PDF (numbered, D-102) and, separately, the licences to pass on, temporary licences,
 * monthly statements (which say whether it is on prepay; the prepay change itself is for the audit and the
 * metrics). The customer: its licence with the order id and SKU, never a price (R7).
 */
public final class ResellerEmails {

    public static final String WELCOME = "reseller-welcome";
    public static final String REFUSED = "reseller-request-refused";
    public static final String HELD = "reseller-order-held";
    public static final String INVOICE = "reseller-order-invoice";
    public static final String LICENCES = "reseller-order-licences";
    public static final String CUSTOMER_LICENCE = "customer-licence";
    public static final String TEMPORARY = "reseller-temporary-licence";
    public static final String STATEMENT = "reseller-statement";

    /**
     * The order whose invoice the event's e-mails attach, so wait for its number (D-102); null when they attach none.
     * The e-mails that go with it (the licences, the customer's) wait too, so an event's e-mails keep their
     * Message-IDs.
     */
    static String documentId(SpecificRecord event) {
        if (event instanceof ResellerOrderAccepted accepted && accepted.getHeldUntilPaid()) {
            return accepted.getOrder().getOrderId();
        }
        return event instanceof ResellerOrderReleased released ? released.getOrder().getOrderId() : null;
    }

    void plan(SpecificRecord event, Assigned document, Emails emails) {
        if (event instanceof ResellerAccountOpened opened) {
            Map<String, Object> model = Map.of("discountPercent", percent(opened.getDiscountPercent().toPlainString()));
            emails.add(WELCOME, opened.getContactEmail(), opened.getName(), "Welcome to the reseller programme",
                    model, false);
        } else if (event instanceof ResellerRequestRefused refused && refused.getContactEmail() != null) {
            Map<String, Object> model = new HashMap<>();
            model.put("reasons", refused.getReasons());
            model.put("detail", refused.getDetail());
            model.put("orderId", refused.getOrderId() == null ? "" : refused.getOrderId());
            emails.add(REFUSED, refused.getContactEmail(), Emails.NAME_UNKNOWN, "Your request could not be "
                    + "accepted" + (refused.getOrderId() == null ? "" : ": order " + refused.getOrderId()), model,
                    false);
        } else if (event instanceof ResellerOrderAccepted accepted && accepted.getHeldUntilPaid()) {
            ResellerOrder order = accepted.getOrder();
            Map<String, Object> model = order(order, document);
            model.put("holdReason", accepted.getHoldReason());
            emails.add(HELD, order.getResellerEmail(), order.getResellerName(), "Order " + order.getOrderId()
                    + ": released once paid", model, false, List.of(invoice(order, document)));
        } else if (event instanceof ResellerOrderReleased released) {
            ResellerOrder order = released.getOrder();
            Map<String, Object> details = order(order, document);
            emails.add(INVOICE, order.getResellerEmail(), order.getResellerName(), "Order " + order.getOrderId()
                    + ": your invoice " + document.number(), details, false, List.of(invoice(order, document)));
            Map<String, Object> licences = licenceModel(order.getOrderId(), order.getCustomerName(),
                    released.getLicences(), document);
            emails.add(LICENCES, order.getResellerEmail(), order.getResellerName(), "Order " + order.getOrderId()
                    + ": licences for " + order.getCustomerName(), licences, false);
            emails.add(CUSTOMER_LICENCE, order.getCustomerEmail(), order.getCustomerName(), "Your licence, order "
                    + order.getOrderId(), licences, true);
        } else if (event instanceof TemporaryLicenceIssued temporary) {
            Map<String, Object> model = licenceModel(temporary.getOrderId(), "", temporary.getLicences(), null);
            model.put("validUntil", temporary.getValidUntil().toString());
            emails.add(TEMPORARY, temporary.getResellerEmail(), Emails.NAME_UNKNOWN, "Order "
                    + temporary.getOrderId() + ": temporary licence", model, false);
        } else if (event instanceof ResellerStatementIssued statement) {
            Map<String, Object> model = new HashMap<>();
            model.put("month", statement.getMonth());
            model.put("lines", statement.getLines().stream().map(l -> Map.of("orderId", l.getOrderId(),
                    "orderedOn", l.getOrderedOn().toString(), "dueOn", l.getDueOn().toString(),
                    "total", money(l.getTotal()), "daysOverdue", l.getDaysOverdue(), "interest",
                    money(l.getInterest()))).toList());
            model.put("totalDue", money(statement.getTotalDue()) + " " + statement.getCurrency());
            model.put("onPrepay", statement.getOnPrepay());
            emails.add(STATEMENT, statement.getResellerEmail(), statement.getResellerName(), "Your statement for "
                    + statement.getMonth(), model, false);
        }
    }

    private static Map<String, Object> order(ResellerOrder order, Assigned document) {
        Map<String, Object> model = new HashMap<>();
        model.put("orderId", order.getOrderId());
        model.put("invoiceNumber", Objects.requireNonNull(document, "an order invoice is e-mailed once numbered")
                .number());
        model.put("customerName", order.getCustomerName());
        model.put("total", money(order.getTotal()) + " " + order.getCurrency());
        model.put("dueOn", order.getDueOn().toString());
        model.put("lines", order.getLines().stream().map(l -> l.getQuantity() + " x " + product(l.getSku(),
                document)).toList());
        return model;
    }

    /**
     * R7: order id, product (by name where the numbered invoice names it) and licence; the model has no amount to
     * print.
     */
    private static Map<String, Object> licenceModel(String orderId, String customerName, List<Licence> licences,
            Assigned document) {
        Map<String, Object> model = new HashMap<>();
        model.put("orderId", orderId);
        model.put("customerName", customerName);
        model.put("licences", licences.stream().map(l -> Map.of("product", product(l.getSku(), document), "key",
                l.getLicenceKey())).toList());
        return model;
    }

    /**
     * A SKU as people read it (issue 23): "Acme Analytics Pro (SKU-PRO)" when the document's names give the
     * product, else the SKU alone.
     */
    static String product(String sku, Assigned document) {
        String name = document == null ? sku : document.name("sku", sku);
        return name.equals(sku) ? sku : name + " (" + sku + ")";
    }

    private static PlannedEmail.Attachment invoice(ResellerOrder order, Assigned document) {
        return new PlannedEmail.Attachment(OrderInvoicePdf.filename(order), "application/pdf",
                OrderInvoicePdf.render(order, document));
    }

    private static String money(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }

    private static String percent(String value) {
        return new java.math.BigDecimal(value).stripTrailingZeros().toPlainString() + "%";
    }
}
