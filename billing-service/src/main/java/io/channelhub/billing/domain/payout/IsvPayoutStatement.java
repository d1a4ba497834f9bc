package io.channelhub.billing.domain.payout;

import io.channelhub.billing.domain.invoice.CreditNote;
import io.channelhub.billing.domain.invoice.Invoice;
import io.channelhub.billing.domain.invoice.InvoiceLine;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.Payout;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * What one ISV earns for one month of service in one currency (D6): every issued invoice line for its products,
 * less the credit notes on them, from gross through discount and revenue share to payout. The total is the sum of
 * the entries, each of which already reconciles to the cent, so the total reconciles too.
 */
public record IsvPayoutStatement(String isvId, YearMonth month, Currency currency, List<Entry> entries,
                                 Payout total) {

    /** One invoice or credit note line of the ISV. */
    public record Entry(String documentId, int line, String subscriptionId, Payout payout) {
    }

    public IsvPayoutStatement {
        Objects.requireNonNull(isvId, "isvId");
        entries = List.copyOf(entries);
        Payout sum = entries.stream().map(Entry::payout).reduce(zero(currency), IsvPayoutStatement::plus);
        // Net and payout follow: both Payouts reconcile.
        if (!sum.gross().sameAs(total.gross()) || !sum.discount().sameAs(total.discount())
                || !sum.revenueShare().sameAs(total.revenueShare())) {
            throw new IllegalArgumentException("Statement total " + total + " is not Σ entries " + sum);
        }
    }

    /** Invoices and credit notes of other months, ISVs or currencies are left out. */
    public static IsvPayoutStatement of(String isvId, YearMonth month, Currency currency,
                                        Collection<Invoice> invoices, Collection<CreditNote> creditNotes) {
        List<Entry> entries = new ArrayList<>();
        for (Invoice invoice : invoices) {
            for (InvoiceLine line : invoice.lines()) {
                if (invoice.month().equals(month) && line.charge().isvId().equals(isvId)
                        && line.gross().currency().equals(currency)) {
                    entries.add(new Entry(invoice.id(), line.number(), line.charge().subscriptionId(), line.payout()));
                }
            }
        }
        for (CreditNote note : creditNotes) {
            for (CreditNote.Line line : note.lines()) {
                if (note.month().equals(month) && line.isvId().equals(isvId)
                        && line.payout().gross().currency().equals(currency)) {
                    entries.add(new Entry(note.id(), line.invoiceLine(), line.subscriptionId(), line.payout()));
                }
            }
        }
        return new IsvPayoutStatement(isvId, month, currency, entries,
                entries.stream().map(Entry::payout).reduce(zero(currency), IsvPayoutStatement::plus));
    }

    private static Payout plus(Payout a, Payout b) {
        return new Payout(a.gross().plus(b.gross()), a.discount().plus(b.discount()), a.net().plus(b.net()),
                a.revenueShare().plus(b.revenueShare()), a.isvPayout().plus(b.isvPayout()));
    }

    private static Payout zero(Currency currency) {
        Money zero = Money.zero(currency);
        return new Payout(zero, zero, zero, zero, zero);
    }
}
