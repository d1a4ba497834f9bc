package io.channelhub.billing.domain.invoice;

import io.channelhub.billing.domain.Producer;
import io.channelhub.billing.domain.migration.PrepaidInvoice;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.billing.event.InvoiceNotIssued;
import io.channelhub.billing.event.IsvInvoiceLines;
import io.channelhub.common.event.EventMeta;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidInvoiceLine;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.DiscountTerm;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An issued {@link Invoice} as the events others read: the invoice itself, and its lines by ISV. */
public final class InvoiceEvents {

    /** The refusal code of a month that could not be invoiced. */
    public static final String NOT_ASSEMBLED = "NOT_ASSEMBLED";

    private InvoiceEvents() {
    }

    public static InvoiceIssued issued(Invoice invoice, String payerName, String payerEmail) {
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
                    .setInstalment(charge.instalment().isPresent() ? charge.instalment().getAsInt() : null)
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

    /** B7: the migration month's prepaid invoice; its id derives from reseller and month, whichever tick issued it. */
    public static PrepaidInvoiceIssued prepaid(PrepaidInvoice invoice, Instant at, String resellerName,
            String resellerEmail) {
        String id = EventIds.derive(invoice.resellerId() + "|" + invoice.month(), "PrepaidInvoice", 0);
        return new PrepaidInvoiceIssued(meta(id, "PrepaidInvoiceIssued", at), id, invoice.resellerId(),
                invoice.month().toString(), invoice.lines().stream().map(l -> new PrepaidInvoiceLine(l.orderId(),
                        l.sku(), l.seats(), AvroMoney.toAvro(l.amount()))).toList(),
                AvroMoney.toAvro(invoice.total()), resellerName, resellerEmail);
    }

    /**
     * B4, X1: a month whose charges cannot make one invoice (two currencies, say): refused with the reason, the id
     * derived from payer and month, so the run that finds it again says so once.
     */
    public static InvoiceNotIssued notIssued(String payerId, YearMonth month, Instant at, String detail) {
        String id = EventIds.derive(payerId + "|" + month, "InvoiceNotIssued", 0);
        return new InvoiceNotIssued(meta(id, "InvoiceNotIssued", at), payerId, month.toString(), NOT_ASSEMBLED,
                detail);
    }

    /** The invoice's lines of each ISV, for its payout statement. */
    public static List<IsvInvoiceLines> byIsv(InvoiceIssued invoice) {
        return byIsv(invoice.getMeta(), invoice.getInvoiceId(), invoice.getPayerId(), invoice.getMonth(),
                invoice.getCurrency(), invoice.getLines());
    }

    /** The credit note's (negative) lines of each ISV: its statement nets them off. */
    public static List<IsvInvoiceLines> byIsv(CreditNoteIssued note) {
        return byIsv(note.getMeta(), note.getCreditNoteId(), note.getPayerId(), note.getMonth(), note.getCurrency(),
                note.getLines());
    }

    private static List<IsvInvoiceLines> byIsv(EventMeta cause, String documentId, String payerId, String month,
            String currency, List<InvoiceLine> documentLines) {
        Map<String, List<InvoiceLine>> byIsv = new LinkedHashMap<>();
        documentLines.forEach(line -> byIsv.computeIfAbsent(line.getIsvId(), isv -> new ArrayList<>()).add(line));
        List<IsvInvoiceLines> all = new ArrayList<>();
        byIsv.forEach((isv, lines) -> all.add(new IsvInvoiceLines(
                EventIds.causedBy(cause, "IsvInvoiceLines|" + isv, 0, Producer.BILLING), isv, documentId,
                payerId, month, currency, lines)));
        return all;
    }

    /** Ids derive from the document, whichever tick issued it. */
    public static EventMeta meta(String documentId, String kind, Instant at) {
        return EventMeta.newBuilder().setEventId(EventIds.derive(documentId, kind, 0)).setCorrelationId(documentId)
                .setOccurredAt(at).setProducer(Producer.BILLING).build();
    }
}
