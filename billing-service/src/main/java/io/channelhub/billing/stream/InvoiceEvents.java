package io.channelhub.billing.stream;

import io.channelhub.billing.domain.invoice.Invoice;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.billing.event.IsvInvoiceLines;
import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.DiscountTerm;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An issued {@link Invoice} as the events others read: the invoice itself, and its lines by ISV. */
final class InvoiceEvents {

    private InvoiceEvents() {
    }

    static InvoiceIssued issued(Invoice invoice, String payerName, String payerEmail) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (var line : invoice.lines()) {
            var charge = line.charge();
            var payout = line.payout();
            lines.add(InvoiceLine.newBuilder()
                    .setNumber(line.number())
                    .setSubscriptionId(charge.subscriptionId())
                    .setBillingAccountId(charge.purchase().billingAccountId())
                    .setIsvId(charge.isvId())
                    .setSku(charge.sku())
                    .setCharge(charge.kind().name())
                    .setFirstDay(charge.firstDay())
                    .setLastDay(charge.lastDay())
                    .setSeatDays(charge.seatDays())
                    .setUnitPrice(AvroMoney.toAvro(charge.unitPrice()))
                    .setGross(AvroMoney.toAvro(payout.gross()))
                    .setDiscountPercent(line.discountPercent().setScale(2, RoundingMode.UNNECESSARY))
                    .setDiscountId(line.discountDecision().discount().map(DiscountTerm::discountId).orElse(null))
                    .setDiscountRule(line.discountDecision().rule().name())
                    .setDiscount(AvroMoney.toAvro(payout.discount()))
                    .setNet(AvroMoney.toAvro(payout.net()))
                    .setRevenueShare(AvroMoney.toAvro(payout.revenueShare()))
                    .setIsvPayout(AvroMoney.toAvro(payout.isvPayout()))
                    .build());
        }
        return InvoiceIssued.newBuilder()
                .setMeta(meta(invoice.id(), "InvoiceIssued", invoice.issuedAt()))
                .setInvoiceId(invoice.id())
                .setPayerId(invoice.payerId())
                .setPayerName(payerName)
                .setPayerEmail(payerEmail)
                .setMonth(invoice.month().toString())
                .setIssuedAt(invoice.issuedAt())
                .setCurrency(invoice.subtotal().currency().getCurrencyCode())
                .setLines(lines)
                .setSubtotal(AvroMoney.toAvro(invoice.subtotal()))
                .setDiscounts(AvroMoney.toAvro(invoice.discounts()))
                .setCreditsApplied(AvroMoney.toAvro(invoice.creditsApplied()))
                .setTotalDue(AvroMoney.toAvro(invoice.totalDue()))
                .build();
    }

    /** The invoice's lines of each ISV, for its payout statement. */
    static List<IsvInvoiceLines> byIsv(InvoiceIssued invoice) {
        Map<String, List<InvoiceLine>> byIsv = new LinkedHashMap<>();
        invoice.getLines().forEach(line -> byIsv.computeIfAbsent(line.getIsvId(), isv -> new ArrayList<>()).add(line));
        List<IsvInvoiceLines> all = new ArrayList<>();
        byIsv.forEach((isv, lines) -> all.add(new IsvInvoiceLines(
                EventIds.causedBy(invoice.getMeta(), "IsvInvoiceLines|" + isv, 0, BillingTopology.SERVICE), isv,
                invoice.getInvoiceId(), invoice.getPayerId(), invoice.getMonth(), invoice.getCurrency(), lines)));
        return all;
    }

    /** Ids derive from the document, whichever tick issued it. */
    static EventMeta meta(String documentId, String kind, java.time.Instant at) {
        return EventMeta.newBuilder().setEventId(EventIds.derive(documentId, kind, 0)).setCorrelationId(documentId)
                .setOccurredAt(at).setProducer(BillingTopology.SERVICE).build();
    }
}
