package io.channelhub.billing.domain.invoice;

import io.channelhub.billing.domain.Producer;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.CreditNoteRefused;
import io.channelhub.billing.event.CreditNoteRequested;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.decider.Decision;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.Payout;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * B4: an issued invoice never changes; a correction credits whole lines of it back in a credit note, every amount
 * negated, each line at most once. Anything else is refused with its code. The ISVs' statements net the note off.
 */
public final class CreditNoteDecider {

    /** Why a correction is refused. */
    public enum Refusal {
        /** No invoice of the payer for that month. */
        UNKNOWN_INVOICE,
        /** A credit note credits at least one line. */
        NO_LINES,
        /** The invoice has no such line. */
        UNKNOWN_LINE,
        /** The line was credited by an earlier note. */
        ALREADY_CREDITED
    }

    private CreditNoteDecider() {
    }

    /**
     * @param invoice    the payer's invoice of the requested month, or null if none was issued
     * @param creditedBy a line number of that invoice to the credit note that credited it, if one did
     * @return the note (as the decision's state, and its event), or the refusal event alone
     */
    public static Decision<CreditNoteIssued> decide(CreditNoteRequested request, InvoiceIssued invoice,
            IntFunction<Optional<String>> creditedBy) {
        if (invoice == null) {
            return refused(request, Refusal.UNKNOWN_INVOICE, "no invoice of " + request.getPayerId() + " for "
                    + request.getMonth());
        }
        if (request.getLines().isEmpty()) {
            return refused(request, Refusal.NO_LINES, "a credit note credits at least one line");
        }
        List<InvoiceLine> credited = new ArrayList<>();
        for (int number : new TreeSet<>(request.getLines())) {
            Optional<InvoiceLine> line = invoice.getLines().stream().filter(l -> l.getNumber() == number).findFirst();
            if (line.isEmpty()) {
                return refused(request, Refusal.UNKNOWN_LINE, "invoice " + invoice.getInvoiceId() + " has no line "
                        + number);
            }
            Optional<String> earlier = creditedBy.apply(number);
            if (earlier.isPresent()) {
                return refused(request, Refusal.ALREADY_CREDITED, "line " + number + " of invoice "
                        + invoice.getInvoiceId() + " was credited by " + earlier.get());
            }
            credited.add(line.get());
        }
        CreditNoteIssued note = note(request, invoice, credited);
        return Decision.of(note, note);
    }

    /** The credited lines with every amount negated, checked by {@link CreditNote} (negative, total = Σ net). */
    private static CreditNoteIssued note(CreditNoteRequested request, InvoiceIssued invoice, List<InvoiceLine> lines) {
        EventMeta meta = EventIds.causedBy(request.getMeta(), "CreditNoteIssued", 0, Producer.BILLING);
        String id = meta.getEventId();
        List<InvoiceLine> negated = new ArrayList<>();
        List<CreditNote.Line> checked = new ArrayList<>();
        for (InvoiceLine line : lines) {
            InvoiceLine credit = InvoiceLine.newBuilder(line)
                    .setGross(negate(line.getGross())).setDiscount(negate(line.getDiscount()))
                    .setNet(negate(line.getNet())).setRevenueShare(negate(line.getRevenueShare()))
                    .setIsvPayout(negate(line.getIsvPayout())).build();
            negated.add(credit);
            checked.add(new CreditNote.Line(line.getNumber(), line.getSubscriptionId(), line.getIsvId(), new Payout(
                    AvroMoney.fromAvro(credit.getGross()), AvroMoney.fromAvro(credit.getDiscount()),
                    AvroMoney.fromAvro(credit.getNet()), AvroMoney.fromAvro(credit.getRevenueShare()),
                    AvroMoney.fromAvro(credit.getIsvPayout()))));
        }
        Money total = checked.stream().map(l -> l.payout().net()).reduce(Money::plus).orElseThrow();
        new CreditNote(id, invoice.getInvoiceId(), invoice.getPayerId(), YearMonth.parse(invoice.getMonth()),
                meta.getOccurredAt(), request.getReason(), checked, total);
        return CreditNoteIssued.newBuilder()
                .setMeta(meta).setCreditNoteId(id).setInvoiceId(invoice.getInvoiceId())
                .setPayerId(invoice.getPayerId()).setMonth(invoice.getMonth()).setIssuedAt(meta.getOccurredAt())
                .setCurrency(invoice.getCurrency()).setReason(request.getReason()).setLines(negated)
                .setTotal(AvroMoney.toAvro(total)).build();
    }

    private static Decision<CreditNoteIssued> refused(CreditNoteRequested request, Refusal code, String detail) {
        return Decision.only(new CreditNoteRefused(EventIds.causedBy(request.getMeta(), "CreditNoteRefused", 0,
                Producer.BILLING), request.getMeta().getEventId(), request.getPayerId(), request.getMonth(),
                code.name(), detail));
    }

    private static io.channelhub.common.event.Money negate(io.channelhub.common.event.Money money) {
        return AvroMoney.toAvro(AvroMoney.fromAvro(money).negated());
    }
}
