package io.channelhub.billing.domain.payout;

import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.billing.event.IsvInvoiceLines;
import io.channelhub.pricing.AvroMoney;
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
 * less the credit notes on them, from gross through discount and revenue share to payout. Each payout statement
 * billing issues is one of these, over the documents not stated before. The total is the sum of
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

    /**
     * The statement of the documents' lines (invoices' and credit notes', as billing sends them to the ISV's
     * partition); documents of other ISVs or months are left out, and all must be in one currency.
     */
    public static IsvPayoutStatement of(String isvId, YearMonth month, Collection<IsvInvoiceLines> documents) {
        List<IsvInvoiceLines> own = documents.stream().filter(d -> d.getIsvId().equals(isvId)
                && d.getMonth().equals(month.toString())).toList();
        if (own.isEmpty()) {
            throw new IllegalArgumentException("No lines of " + isvId + " for " + month);
        }
        Currency currency = Currency.getInstance(own.get(0).getCurrency());
        List<Entry> entries = new ArrayList<>();
        for (IsvInvoiceLines document : own) {
            if (!document.getCurrency().equals(currency.getCurrencyCode())) {
                throw new IllegalArgumentException("Document " + document.getInvoiceId() + " is in "
                        + document.getCurrency() + ", the statement in " + currency);
            }
            for (InvoiceLine line : document.getLines()) {
                entries.add(new Entry(document.getInvoiceId(), line.getNumber(), line.getSubscriptionId(),
                        new Payout(money(line.getGross()), money(line.getDiscount()), money(line.getNet()),
                                money(line.getRevenueShare()), money(line.getIsvPayout()))));
            }
        }
        return new IsvPayoutStatement(isvId, month, currency, entries,
                entries.stream().map(Entry::payout).reduce(zero(currency), IsvPayoutStatement::plus));
    }

    private static Money money(io.channelhub.common.event.Money money) {
        return AvroMoney.fromAvro(money);
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
