package io.channelhub.billing.web;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.documents.Document;
import io.channelhub.pricing.AvroMoney;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as JSON (B4), for its payer: amounts as decimals to the cent in the invoice's currency. The
 * marketplace's revenue share and the ISV's payout are on the lines of the event, for the ISV's statement, and
 * deliberately not here.
 */
record InvoiceView(String invoiceId, String payerId, String payerName, String month, Instant issuedAt,
        String currency, List<Line> lines, BigDecimal subtotal, BigDecimal discounts, BigDecimal creditsApplied,
        BigDecimal totalDue, Document document) {

    record Line(int number, String subscriptionId, String billingAccountId, String isvId, String sku, String charge,
            LocalDate firstDay, LocalDate lastDay, int seatDays, BigDecimal unitPrice, BigDecimal gross,
            BigDecimal discountPercent, String discountRule, BigDecimal discount, BigDecimal net) {

        static Line of(InvoiceLine l) {
            return new Line(l.getNumber(), l.getSubscriptionId(), l.getBillingAccountId(), l.getIsvId(), l.getSku(),
                    l.getCharge(), l.getFirstDay(), l.getLastDay(), l.getSeatDays(), cents(l.getUnitPrice()),
                    cents(l.getGross()), l.getDiscountPercent(), l.getDiscountRule(), cents(l.getDiscount()),
                    cents(l.getNet()));
        }
    }

    /** {@code document}: what the PDF prints, the same record. */
    static InvoiceView of(InvoiceIssued i, Document document) {
        return new InvoiceView(i.getInvoiceId(), i.getPayerId(), i.getPayerName(), i.getMonth(), i.getIssuedAt(),
                i.getCurrency(), i.getLines().stream().map(Line::of).toList(), cents(i.getSubtotal()),
                cents(i.getDiscounts()), cents(i.getCreditsApplied()), cents(i.getTotalDue()), document);
    }

    private static BigDecimal cents(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money).rounded().amount();
    }
}
