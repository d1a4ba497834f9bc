package io.channelhub.billing.domain.invoice;

import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One payer as {@link PayerBilling} decides it (B1, B4, B6, B7): its {@link PayerLedger} (the first month not
 * invoiced, the migration credit used, the prepaid invoice), its subscriptions and which kind of customer each is
 * for (B6), the invoices issued and the lines credited. A payer's history only grows and the invoice endpoints read
 * it by key, so it is not one value: what is kept is read as needed through {@link Kept}, and the book carries what
 * its decisions changed since, for the store to write. A decision never changes a book; it returns a new one.
 */
public final class PayerBook {

    /** What is kept of a payer so far, read by key. */
    public interface Kept {

        /** A payer with nothing kept yet. */
        Kept NOTHING = new Kept() {
        };

        default Optional<Subscription> subscription(String id) {
            return Optional.empty();
        }

        /** Every subscription the payer bills, in id order. */
        default List<Subscription> subscriptions() {
            return List.of();
        }

        /** B6: {@code <customerKind>|<productType>} as the plan said. */
        default Optional<String> kind(String subscriptionId) {
            return Optional.empty();
        }

        default Optional<InvoiceIssued> invoice(YearMonth month) {
            return Optional.empty();
        }

        /** The credit note that credited a line of an invoice, if one did. */
        default Optional<String> creditedBy(String invoiceId, int line) {
            return Optional.empty();
        }
    }

    private final String payerId;
    private final PayerLedger ledger;
    private final Kept kept;
    private final Map<String, Optional<Subscription>> subscriptions;
    private final Map<String, String> kinds;
    private final Map<YearMonth, InvoiceIssued> invoices;
    private final PrepaidInvoiceIssued prepaid;
    private final Map<String, String> credited;

    private PayerBook(String payerId, PayerLedger ledger, Kept kept, Map<String, Optional<Subscription>> subscriptions,
            Map<String, String> kinds, Map<YearMonth, InvoiceIssued> invoices, PrepaidInvoiceIssued prepaid,
            Map<String, String> credited) {
        this.payerId = payerId;
        this.ledger = ledger;
        this.kept = kept;
        this.subscriptions = subscriptions;
        this.kinds = kinds;
        this.invoices = invoices;
        this.prepaid = prepaid;
        this.credited = credited;
    }

    /** The payer as kept: {@code ledger} null before its first plan. */
    public static PayerBook of(String payerId, PayerLedger ledger, Kept kept) {
        return new PayerBook(payerId, ledger, kept, Map.of(), Map.of(), Map.of(), null, Map.of());
    }

    public String payerId() {
        return payerId;
    }

    /** Null before the payer's first plan: nothing to invoice yet. */
    public PayerLedger ledger() {
        return ledger;
    }

    public Optional<Subscription> subscription(String id) {
        return subscriptions.containsKey(id) ? subscriptions.get(id) : kept.subscription(id);
    }

    /** Every subscription the payer bills now, in id order (as kept: an invoice's lines follow it). */
    public List<Subscription> subscriptions() {
        Map<String, Subscription> all = new TreeMap<>();
        kept.subscriptions().forEach(s -> all.put(s.id(), s));
        subscriptions.forEach((id, s) -> s.ifPresentOrElse(now -> all.put(id, now), () -> all.remove(id)));
        return List.copyOf(all.values());
    }

    /**
     * B6: who each of {@code held} (the book's {@link #subscriptions()}, read once by the caller) is for, as the
     * plans said; absent: not known (an offline customer).
     */
    public Map<String, String> kinds(List<Subscription> held) {
        Map<String, String> all = new LinkedHashMap<>();
        for (Subscription subscription : held) {
            kind(subscription.id()).ifPresent(kind -> all.put(subscription.id(), kind));
        }
        return all;
    }

    private Optional<String> kind(String subscriptionId) {
        return kinds.containsKey(subscriptionId) ? Optional.of(kinds.get(subscriptionId)) : kept.kind(subscriptionId);
    }

    public Optional<InvoiceIssued> invoice(YearMonth month) {
        return invoices.containsKey(month) ? Optional.of(invoices.get(month)) : kept.invoice(month);
    }

    public Optional<String> creditedBy(String invoiceId, int line) {
        String key = invoiceId + "|" + line;
        return credited.containsKey(key) ? Optional.of(credited.get(key)) : kept.creditedBy(invoiceId, line);
    }

    /** B1: the subscription as a decision left it; the first kind said for it stays (B6). */
    public PayerBook withSubscription(Subscription subscription, String kind) {
        Map<String, Optional<Subscription>> changed = new LinkedHashMap<>(subscriptions);
        changed.put(subscription.id(), Optional.of(subscription));
        Map<String, String> kindsAfter = kinds;
        if (kind != null && kind(subscription.id()).isEmpty()) {
            kindsAfter = new LinkedHashMap<>(kinds);
            kindsAfter.put(subscription.id(), kind);
        }
        return new PayerBook(payerId, ledger, kept, changed, kindsAfter, invoices, prepaid, credited);
    }

    /** B4: the subscriptions another payer took over are let go once their last days here are invoiced. */
    public PayerBook withoutSubscriptions(List<String> ids) {
        Map<String, Optional<Subscription>> changed = new LinkedHashMap<>(subscriptions);
        ids.forEach(id -> changed.put(id, Optional.empty()));
        return new PayerBook(payerId, ledger, kept, changed, kinds, invoices, prepaid, credited);
    }

    public PayerBook withLedger(PayerLedger after) {
        return new PayerBook(payerId, after, kept, subscriptions, kinds, invoices, prepaid, credited);
    }

    /** B4, B7: an invoice issued, never changed after. */
    public PayerBook withIssued(InvoiceIssued invoice) {
        Map<YearMonth, InvoiceIssued> after = new LinkedHashMap<>(invoices);
        after.put(YearMonth.parse(invoice.getMonth()), invoice);
        return new PayerBook(payerId, ledger, kept, subscriptions, kinds, after, prepaid, credited);
    }

    public PayerBook withPrepaid(PrepaidInvoiceIssued invoice) {
        return new PayerBook(payerId, ledger, kept, subscriptions, kinds, invoices, invoice, credited);
    }

    /** B4: the note's lines are credited, each once. */
    public PayerBook withCredited(String invoiceId, List<Integer> lines, String creditNoteId) {
        Map<String, String> after = new LinkedHashMap<>(credited);
        lines.forEach(line -> after.put(invoiceId + "|" + line, creditNoteId));
        return new PayerBook(payerId, ledger, kept, subscriptions, kinds, invoices, prepaid, after);
    }

    /** What changed since the book was read, for the store: subscriptions (empty: let go), kinds added. */
    public Map<String, Optional<Subscription>> changedSubscriptions() {
        return Map.copyOf(subscriptions);
    }

    public Map<String, String> addedKinds() {
        return Map.copyOf(kinds);
    }

    public List<InvoiceIssued> issuedInvoices() {
        return new ArrayList<>(invoices.values());
    }

    public Optional<PrepaidInvoiceIssued> issuedPrepaid() {
        return Optional.ofNullable(prepaid);
    }

    /** {@code <invoiceId>|<line>} to the credit note that credited it. */
    public Map<String, String> addedCredits() {
        return Map.copyOf(credited);
    }
}
