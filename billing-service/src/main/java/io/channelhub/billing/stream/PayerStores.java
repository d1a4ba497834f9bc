package io.channelhub.billing.stream;

import io.channelhub.billing.domain.invoice.PayerBook;
import io.channelhub.billing.domain.invoice.PayerLedger;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.platform.decider.AggregateStore;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Where the payers' {@link PayerBook}s are kept, one part per store and key, as the invoice endpoints read them:
 * the ledger by payer, subscriptions and their kinds by {@code <payer>|<subscription>}, invoices by
 * {@code <payer>|<month>} (the prepaid one by {@code <payer>|<month>|prepaid}) and by id, credited lines by
 * {@code <invoice>|<line>}. A book reads them as its decisions need them; what a decision changed is written here,
 * by the payers' decider host only.
 */
final class PayerStores implements AggregateStore<PayerBook> {

    private final KeyValueStore<String, PayerLedger> ledgers;
    private final KeyValueStore<String, Subscription> subscriptions;
    private final KeyValueStore<String, String> kinds;
    private final KeyValueStore<String, SpecificRecord> invoices;
    private final KeyValueStore<String, String> invoiceIds;
    private final KeyValueStore<String, String> creditedLines;

    PayerStores(ProcessorContext<String, SpecificRecord> context) {
        ledgers = context.getStateStore(BillingTopology.PAYER_LEDGERS_STORE);
        subscriptions = context.getStateStore(BillingTopology.SUBSCRIPTIONS_STORE);
        kinds = context.getStateStore(BillingTopology.CUSTOMER_KINDS_STORE);
        invoices = context.getStateStore(BillingTopology.INVOICES_STORE);
        invoiceIds = context.getStateStore(BillingTopology.INVOICE_IDS_STORE);
        creditedLines = context.getStateStore(BillingTopology.CREDITED_LINES_STORE);
    }

    @Override
    public PayerBook load(String payerId) {
        return PayerBook.of(payerId, ledgers.get(payerId), new Kept(payerId));
    }

    @Override
    public void save(String payerId, PayerBook before, PayerBook after) {
        if (after.ledger() != null && !after.ledger().equals(before == null ? null : before.ledger())) {
            ledgers.put(payerId, after.ledger());
        }
        after.changedSubscriptions().forEach((id, subscription) -> subscription.ifPresentOrElse(
                s -> subscriptions.put(payerId + "|" + id, s), () -> subscriptions.delete(payerId + "|" + id)));
        after.addedKinds().forEach((id, kind) -> kinds.put(payerId + "|" + id, kind));
        for (InvoiceIssued invoice : after.issuedInvoices()) {
            keep(payerId + "|" + invoice.getMonth(), invoice.getInvoiceId(), invoice);
        }
        after.issuedPrepaid().ifPresent(prepaid -> keep(payerId + "|" + prepaid.getMonth() + "|prepaid",
                prepaid.getInvoiceId(), prepaid));
        after.addedCredits().forEach(creditedLines::put);
    }

    /** Every payer with a ledger (one without has nothing to invoice, so no deadline). */
    @Override
    public void forEach(BiConsumer<String, PayerBook> each) {
        try (KeyValueIterator<String, PayerLedger> all = ledgers.all()) {
            all.forEachRemaining(entry -> each.accept(entry.key, PayerBook.of(entry.key, entry.value,
                    new Kept(entry.key))));
        }
    }

    /** B4, B7: an issued invoice, found by payer and month, and by id. */
    private void keep(String key, String invoiceId, SpecificRecord invoice) {
        invoices.put(key, invoice);
        invoiceIds.put(invoiceId, key);
    }

    /** What is kept of one payer, read by key. */
    private final class Kept implements PayerBook.Kept {

        private final String payerId;

        Kept(String payerId) {
            this.payerId = payerId;
        }

        @Override
        public Optional<Subscription> subscription(String id) {
            return Optional.ofNullable(subscriptions.get(payerId + "|" + id));
        }

        @Override
        public List<Subscription> subscriptions() {
            List<Subscription> held = new ArrayList<>();
            try (KeyValueIterator<String, Subscription> all = subscriptions.prefixScan(payerId + "|",
                    new StringSerializer())) {
                all.forEachRemaining(entry -> held.add(entry.value));
            }
            return held;
        }

        @Override
        public Optional<String> kind(String subscriptionId) {
            return Optional.ofNullable(kinds.get(payerId + "|" + subscriptionId));
        }

        @Override
        public Optional<InvoiceIssued> invoice(YearMonth month) {
            return invoices.get(payerId + "|" + month) instanceof InvoiceIssued issued ? Optional.of(issued)
                    : Optional.empty();
        }

        @Override
        public Optional<String> creditedBy(String invoiceId, int line) {
            return Optional.ofNullable(creditedLines.get(invoiceId + "|" + line));
        }
    }
}
