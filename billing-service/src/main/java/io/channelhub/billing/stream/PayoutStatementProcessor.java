package io.channelhub.billing.stream;

import io.channelhub.billing.domain.invoice.InvoiceEvents;
import io.channelhub.billing.domain.payout.IsvPayoutStatement;
import io.channelhub.billing.event.IsvInvoiceLines;
import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.platform.deadlines.DeadlineIndex;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Payout;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * D6: each ISV's payout statement for a month, from every payer's invoice lines (re-keyed by ISV). Every payer's
 * invoice is issued on its own partition's first tick of the month, so the statement waits
 * {@link BillingSettings#statementDelay()} past the month's end, then states every invoice received; an invoice
 * that arrives later is stated in a supplementary statement (sequence 2, 3, ...). Sums are of the lines' amounts,
 * which are to the cent, so gross - discount = net and net - revenue share = payout hold for the statement too.
 */
final class PayoutStatementProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private final BillingSettings settings;
    private final BillingMetrics metrics;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, SpecificRecord> lines;
    private KeyValueStore<String, PayoutProgress> statements;
    private DeadlineIndex statementsDue;

    PayoutStatementProcessor(BillingSettings settings, BillingMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        lines = context.getStateStore(BillingTopology.PAYOUT_LINES_STORE);
        statements = context.getStateStore(BillingTopology.STATEMENTS_STORE);
        statementsDue = DeadlineIndex.from(context, BillingTopology.PAYOUT_DEADLINES_STORE, schedule -> {
            try (KeyValueIterator<String, PayoutProgress> all = statements.all()) {
                all.forEachRemaining(entry -> {
                    if (entry.value.pending()) { // lines not stated yet: due when the month's statements are
                        schedule.accept(entry.key, dueAt(month(entry.key)));
                    }
                });
            }
        });
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof IsvInvoiceLines received) {
            String monthKey = received.getIsvId() + "|" + received.getMonth();
            if (lines.putIfAbsent(monthKey + "|" + received.getInvoiceId(), received) == null) {
                PayoutProgress progress = statements.get(monthKey);
                statements.put(monthKey, progress == null ? PayoutProgress.firstLines() : progress.withPending(true));
                // stated when the month's statements are due, or on the next tick if that has passed (a supplement)
                statementsDue.schedule(monthKey, dueAt(YearMonth.parse(received.getMonth())));
            }
        } else if (record.value() instanceof ClockTicked tick) {
            stateDue(tick.getAt(), record.timestamp());
        }
    }

    private void stateDue(Instant now, long timestamp) {
        for (String monthKey : statementsDue.takeDue(now)) {
            PayoutProgress progress = statements.get(monthKey);
            if (progress != null && progress.pending()) {
                state(monthKey, now, timestamp);
            }
        }
    }

    /** D6: a month's statements wait for every payer's invoice: the month's end plus the statement delay. */
    private Instant dueAt(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(settings.statementDelay());
    }

    /** The month of a statement key, {@code <isvId>|<month>}. */
    private static YearMonth month(String monthKey) {
        return YearMonth.parse(monthKey.substring(monthKey.lastIndexOf('|') + 1));
    }

    private void state(String monthKey, Instant now, long timestamp) {
        PayoutProgress progress = statements.get(monthKey);
        List<IsvInvoiceLines> fresh = new ArrayList<>();
        try (KeyValueIterator<String, SpecificRecord> all = lines.prefixScan(monthKey + "|", new StringSerializer())) {
            all.forEachRemaining(entry -> {
                IsvInvoiceLines invoice = (IsvInvoiceLines) entry.value;
                if (!progress.invoiceIds().contains(invoice.getInvoiceId())) {
                    fresh.add(invoice);
                }
            });
        }
        if (fresh.isEmpty()) {
            statements.put(monthKey, progress.withPending(false));
            return;
        }
        String isvId = monthKey.substring(0, monthKey.lastIndexOf('|'));
        YearMonth month = month(monthKey);
        // D6: the fresh documents' lines, gross through discount and revenue share to payout
        IsvPayoutStatement stated = IsvPayoutStatement.of(isvId, month, fresh);
        Payout total = stated.total();
        List<String> invoiceIds = new ArrayList<>(progress.invoiceIds());
        fresh.forEach(document -> invoiceIds.add(document.getInvoiceId()));
        int sequence = progress.statements() + 1;
        String statementId = EventIds.derive("payout|" + monthKey, "PayoutStatement", sequence);
        PayoutStatementIssued statement = PayoutStatementIssued.newBuilder()
                .setMeta(InvoiceEvents.meta(statementId, "PayoutStatementIssued", now))
                .setStatementId(statementId).setIsvId(isvId).setMonth(month.toString()).setSequence(sequence)
                .setCurrency(stated.currency().getCurrencyCode())
                .setInvoiceIds(fresh.stream().map(IsvInvoiceLines::getInvoiceId).toList())
                .setGross(AvroMoney.toAvro(total.gross().rounded()))
                .setDiscount(AvroMoney.toAvro(total.discount().rounded()))
                .setNet(AvroMoney.toAvro(total.net().rounded()))
                .setRevenueShare(AvroMoney.toAvro(total.revenueShare().rounded()))
                .setPayout(AvroMoney.toAvro(total.isvPayout().rounded()))
                .build();
        statements.put(monthKey, progress.stated(invoiceIds, statement));
        context.forward(new Record<>("isv:" + isvId, statement, timestamp), BillingTopology.EVENTS_SINK);
        metrics.stated(statement);
    }
}
