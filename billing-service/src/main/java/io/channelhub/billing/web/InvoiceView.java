package io.channelhub.billing.web;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.documents.Document;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice as JSON (B4), for its payer: amounts as money, written to the cent (D-100). The
 * marketplace's revenue share and the ISV's payout are on the lines of the event, for the ISV's statement, and
 * deliberately not here.
 */
record InvoiceView(String invoiceId, String payerId, String payerName, String month, Instant issuedAt,
        String currency, List<Line> lines, Money subtotal, Money discounts, Money creditsApplied, Money totalDue,
        Document document) {

    record Line(int number, String subscriptionId, String billingAccountId, String isvId, String sku, String charge,
            LocalDate firstDay, LocalDate lastDay, int seatDays, Money unitPrice, Money gross,
            BigDecimal discountPercent, String discountRule, Money discount, Money net) {

        static Line of(InvoiceLine l) {
            return new Line(l.getNumber(), l.getSubscriptionId(), l.getBillingAccountId(), l.getIsvId(), l.getSku(),
                    l.getCharge(), l.getFirstDay(), l.getLastDay(), l.getSeatDays(), money(l.getUnitPrice()),
                    money(l.getGross()), l.getDiscountPercent(), l.getDiscountRule(), money(l.getDiscount()),
                    money(l.getNet()));
        }
    }

    /** {@code document}: what the PDF prints, the same record. */
    static InvoiceView of(InvoiceIssued i, Document document) {
        return new InvoiceView(i.getInvoiceId(), i.getPayerId(), i.getPayerName(), i.getMonth(), i.getIssuedAt(),
                i.getCurrency(), i.getLines().stream().map(Line::of).toList(), money(i.getSubtotal()),
                money(i.getDiscounts()), money(i.getCreditsApplied()), money(i.getTotalDue()), document);
    }

    private static Money money(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money);
    }
}
