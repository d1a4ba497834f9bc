package io.channelhub.billing.stream;

import io.channelhub.billing.domain.invoice.CreditNoteDecider;
import io.channelhub.billing.domain.invoice.Invoice;
import io.channelhub.billing.domain.invoice.InvoiceAssembler;
import io.channelhub.billing.domain.invoice.InvoiceEvents;
import io.channelhub.billing.domain.invoice.MonthEndRun;
import io.channelhub.billing.domain.invoice.PayerLedger;
import io.channelhub.billing.domain.invoice.RevenueShares;
import io.channelhub.billing.domain.migration.MigrationBook;
import io.channelhub.billing.domain.migration.MigrationState;
import io.channelhub.billing.domain.subscription.PriceList;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.domain.subscription.SubscriptionCommand;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.StartPlan;
import io.channelhub.billing.domain.subscription.SubscriptionDecider;
import io.channelhub.billing.domain.subscription.SubscriptionDecision;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.CreditNoteRefused;
import io.channelhub.billing.event.CreditNoteRequested;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceNotIssued;
import io.channelhub.billing.event.IsvInvoiceLines;
import io.channelhub.billing.event.SubscriptionChangeRequested;
import io.channelhub.billing.event.SubscriptionHandedOver;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.billing.event.SubscriptionRefused;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.common.event.EventMeta;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.platform.deadlines.DeadlineIndex;
import io.channelhub.platform.decider.Decision;
import io.channelhub.platform.dedupe.AppliedEventIds;
import io.channelhub.platform.dedupe.Dedupe;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.directory.DirectoryView;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.Unsupported;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.DiscountHistory;
import io.channelhub.pricing.DiscountTerm;
import io.channelhub.pricing.event.RevenueShareSet;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A payer's subscriptions and invoices. Plans and changes go to {@link SubscriptionDecider}, corrections to
 * {@link CreditNoteDecider}; when a payer's month-end run is due ({@link PayerLedger}, found through a deadline
 * index) it gets its invoice for every month not invoiced yet (B4), assembled by {@link InvoiceAssembler} with the
 * discounts of this partition's table (D6, D8–D10) and the migration credit left (B6), and after its migration
 * month the prepaid invoice (B7). An invoice is issued once: its id derives from payer and month and the store keeps
 * it, so a replayed tick issues nothing (X2). Ticks go on to the payout statements.
 */
final class BillingCommandProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Logger log = LoggerFactory.getLogger(BillingCommandProcessor.class);
    /** Transfers of entitlements this reseller has no postpaid subscription for. */
    static final String TRANSFERS_UNBILLED = MetricNames.name("billing", "transfers.unbilled");

    private final BillingSettings settings;
    private final BillingMetrics metrics;
    private final MeterRegistry registry;
    private final Duration dedupeRetention;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, Subscription> subscriptions;
    private KeyValueStore<String, PayerLedger> ledgers;
    private DeadlineIndex runsDue;
    private KeyValueStore<String, SpecificRecord> invoices;
    private KeyValueStore<String, String> invoiceIds;
    private KeyValueStore<String, String> creditedLines;
    private KeyValueStore<String, MigrationBook> migrations;
    private KeyValueStore<String, String> customerKinds;
    private KeyValueStore<String, SpecificRecord> discountTerms;
    private ReadOnlyKeyValueStore<String, SpecificRecord> prices;
    private Directory directory;
    private PriceList priceList;
    private AppliedEventIds applied;

    BillingCommandProcessor(BillingSettings settings, BillingMetrics metrics, MeterRegistry registry,
            Duration dedupeRetention) {
        this.settings = settings;
        this.metrics = metrics;
        this.registry = registry;
        this.dedupeRetention = dedupeRetention;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        subscriptions = context.getStateStore(BillingTopology.SUBSCRIPTIONS_STORE);
        ledgers = context.getStateStore(BillingTopology.PAYER_LEDGERS_STORE);
        runsDue = DeadlineIndex.from(context, BillingTopology.PAYER_DEADLINES_STORE);
        invoices = context.getStateStore(BillingTopology.INVOICES_STORE);
        invoiceIds = context.getStateStore(BillingTopology.INVOICE_IDS_STORE);
        creditedLines = context.getStateStore(BillingTopology.CREDITED_LINES_STORE);
        migrations = context.getStateStore(BillingTopology.MIGRATIONS_STORE);
        customerKinds = context.getStateStore(BillingTopology.CUSTOMER_KINDS_STORE);
        discountTerms = context.getStateStore(BillingTopology.DISCOUNT_TERMS_STORE);
        prices = context.getStateStore(BillingTopology.PRICES_STORE);
        directory = new DirectoryView(context.getStateStore(BillingTopology.DIRECTORY_STORE));
        priceList = new StorePriceList(prices);
        applied = AppliedEventIds.from(context, BillingTopology.COMMANDS);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord command = record.value();
        if (command instanceof ClockTicked tick) {
            applied.forgetBefore(tick.getAt().toEpochMilli() - dedupeRetention.toMillis());
            invoiceDueMonths(tick, record.timestamp());
            context.forward(record, BillingTopology.PAYOUTS);
            return;
        }
        if (command instanceof MigrationRequested request) {
            // B7: a reseller that just migrated ends its migration month with a run, whatever its plans become
            if (Dedupe.firstTime(applied, command, registry, BillingTopology.SERVICE, Topics.BILLING_COMMANDS)) {
                MigrationState migrated = MigrationBook.migrationOf(migrations.get(request.getResellerId()));
                if (migrated != null && migrated.migratedAt().equals(request.getMeta().getOccurredAt())) {
                    billFrom(request.getResellerId(), migrated.migratedAt());
                }
            }
            return;
        }
        if (!(command instanceof SubscriptionPlanChosen) && !(command instanceof SubscriptionChangeRequested)
                && !(command instanceof EntitlementMoved) && !(command instanceof SubscriptionHandedOver)
                && !(command instanceof CreditNoteRequested)) {
            Unsupported.record(registry, BillingTopology.SERVICE, Topics.BILLING_COMMANDS, command);
            return;
        }
        if (!Dedupe.firstTime(applied, command, registry, BillingTopology.SERVICE, Topics.BILLING_COMMANDS)) {
            return;
        }
        EventMeta meta = Events.meta(command);
        if (command instanceof CreditNoteRequested request) {
            creditNote(request, record.timestamp());
        } else if (command instanceof EntitlementMoved moved) {
            handOver(moved, record.timestamp());
        } else if (command instanceof SubscriptionHandedOver handedOver) {
            takeOver(handedOver, record.timestamp());
        } else if (command instanceof SubscriptionPlanChosen chosen) {
            decide(meta, chosen.getPayerId(), chosen.getSubscriptionId(), StartPlan.chosen(chosen, priceList),
                    record.timestamp());
            if (chosen.getCustomerKind() != null && chosen.getProductType() != null) {
                // B6: whether this customer's charges may be paid with migration credit
                customerKinds.putIfAbsent(chosen.getPayerId() + "|" + chosen.getSubscriptionId(),
                        chosen.getCustomerKind() + "|" + chosen.getProductType());
            }
        } else {
            SubscriptionChangeRequested change = (SubscriptionChangeRequested) command;
            decide(meta, change.getPayerId(), change.getSubscriptionId(), switch (change.getChange()) {
                case ADD_SEATS -> new SubscriptionCommand.AddSeats(change.getCount());
                case REMOVE_SEATS -> new SubscriptionCommand.RemoveSeats(change.getCount());
                case SET_CAP -> new SubscriptionCommand.SetCap(change.getCount());
                case RENEW -> new SubscriptionCommand.Renew(change.getCount());
            }, record.timestamp());
        }
    }

    /** B4: a correction is a credit note of whole lines, each credited once, or a refusal ({@link CreditNoteDecider}). */
    private void creditNote(CreditNoteRequested request, long timestamp) {
        String payerId = request.getPayerId();
        InvoiceIssued invoice = invoices.get(payerId + "|" + request.getMonth()) instanceof InvoiceIssued issued
                ? issued : null;
        Decision<CreditNoteIssued> decision = CreditNoteDecider.decide(request, invoice, line -> Optional.ofNullable(
                creditedLines.get(invoice.getInvoiceId() + "|" + line)));
        for (SpecificRecord event : decision.events()) {
            emit(payerId, event, timestamp);
            if (event instanceof CreditNoteRefused refused) {
                registry.counter(MetricNames.REFUSALS, "service", BillingTopology.SERVICE, "type",
                        "CreditNoteRefused", "reason", refused.getCode()).increment();
            }
        }
        if (decision.state() != null) {
            CreditNoteIssued note = decision.state();
            note.getLines().forEach(line -> creditedLines.put(invoice.getInvoiceId() + "|" + line.getNumber(),
                    note.getCreditNoteId()));
            for (IsvInvoiceLines lines : InvoiceEvents.byIsv(note)) {
                context.forward(new Record<>(lines.getIsvId(), lines, timestamp), BillingTopology.PAYOUT_LINES_SINK);
            }
        }
    }

    /**
     * A completed transfer, on the old reseller's partition: the subscription (id = the entitlement's) is paid by
     * the new one from the transfer's instant. The old payer keeps its copy to bill its days of the month; the
     * new payer's task gets the subscription with its history. To a direct account, billing here just stops.
     */
    private void handOver(EntitlementMoved moved, long timestamp) {
        String fromPayer = moved.getFromResellerId();
        Subscription state = subscriptions.get(fromPayer + "|" + moved.getEntitlementId());
        if (state == null) {
            registry.counter(TRANSFERS_UNBILLED, "service", BillingTopology.SERVICE).increment();
            return; // not a postpaid subscription of this reseller: nothing to bill
        }
        String toPayer = moved.getToResellerId() != null ? moved.getToResellerId()
                : "direct:" + moved.getToBillingAccountId();
        SubscriptionDecision decision = SubscriptionDecider.decide(new SubscriptionCommand.MoveToPayer(toPayer,
                moved.getToBillingAccountId()), state, moved.getMeta().getOccurredAt());
        if (decision instanceof SubscriptionDecision.Refused refused) {
            refuse(moved.getMeta(), fromPayer, moved.getEntitlementId(), refused.reasons().stream()
                    .map(Enum::name).toList(), refused.detail(), timestamp);
            return;
        }
        Subscription after = ((SubscriptionDecision.Accepted) decision).state();
        subscriptions.put(fromPayer + "|" + after.id(), after);
        if (moved.getToResellerId() != null) {
            SubscriptionHandedOver handover = SubscriptionSnapshots.handover(EventIds.causedBy(moved.getMeta(),
                    "SubscriptionHandedOver", 0, BillingTopology.SERVICE), fromPayer, after);
            context.forward(new Record<>(toPayer, handover, timestamp), BillingTopology.COMMANDS_SINK);
        }
    }

    /** The new payer's side of a transfer: its invoices bill the subscription from the handover on. */
    private void takeOver(SubscriptionHandedOver handover, long timestamp) {
        Subscription subscription = SubscriptionSnapshots.subscription(handover);
        String payerId = handover.getToPayerId();
        subscriptions.put(payerId + "|" + subscription.id(), subscription);
        billFrom(payerId, subscription.payerChanges().get(subscription.payerChanges().size() - 1).at());
        emit(payerId, updated(handover.getMeta(), payerId, subscription), timestamp);
    }

    private void decide(EventMeta meta, String payerId, String subscriptionId,
            SubscriptionCommand command, long timestamp) {
        String key = payerId + "|" + subscriptionId;
        Subscription state = subscriptions.get(key);
        SubscriptionDecision decision = SubscriptionDecider.decide(command, state, meta.getOccurredAt());
        if (decision instanceof SubscriptionDecision.Refused refused) {
            refuse(meta, payerId, subscriptionId, refused.reasons().stream().map(Enum::name).toList(),
                    refused.detail(), timestamp);
            return;
        }
        Subscription after = ((SubscriptionDecision.Accepted) decision).state();
        subscriptions.put(key, after);
        billFrom(payerId, after.acceptedAt());
        emit(payerId, updated(meta, payerId, after), timestamp);
    }

    private static SubscriptionUpdated updated(EventMeta cause, String payerId, Subscription s) {
        return new SubscriptionUpdated(EventIds.causedBy(cause, "SubscriptionUpdated", 0, BillingTopology.SERVICE),
                s.id(), payerId, s.billingAccountId(), io.channelhub.billing.event.BillingPlan.valueOf(
                        s.plan().name()), s.seats(), s.cap(), AvroMoney.toAvro(s.unitPrice()));
    }

    private void refuse(EventMeta meta, String payerId, String subscriptionId, List<String> reasons, String detail,
            long timestamp) {
        reasons.forEach(reason -> registry.counter(MetricNames.REFUSALS, "service", BillingTopology.SERVICE, "type",
                "SubscriptionRefused", "reason", reason).increment());
        emit(payerId, new SubscriptionRefused(EventIds.causedBy(meta, "SubscriptionRefused", 0,
                BillingTopology.SERVICE), meta.getEventId(), subscriptionId, payerId, reasons, detail), timestamp);
    }

    /** B4: the payer's month-end run covers {@code at}'s month on; the run is scheduled for when that month ends. */
    private void billFrom(String payerId, Instant at) {
        PayerLedger before = ledgers.get(payerId);
        PayerLedger after = PayerLedger.billingFrom(before, at);
        if (after != before) {
            ledgers.put(payerId, after);
            if (before != null) {
                runsDue.cancel(payerId, before.nextRun());
            }
            runsDue.schedule(payerId, after.nextRun());
        }
    }

    /**
     * B4, B6, B7: each payer whose month-end run is due (found through the index, no payer read in vain) has it run
     * ({@link MonthEndRun}); what it issued is kept here, where the invoice endpoints read it.
     */
    private void invoiceDueMonths(ClockTicked tick, long timestamp) {
        for (String payerId : runsDue.takeDue(tick.getAt())) {
            List<Subscription> held = subscriptionsOf(payerId);
            Map<String, String> kinds = new HashMap<>();
            held.forEach(s -> Optional.ofNullable(customerKinds.get(payerId + "|" + s.id()))
                    .ifPresent(kind -> kinds.put(s.id(), kind)));
            Optional<Directory.Organisation> payer = directory.reseller(payerId);
            MonthEndRun.Outcome run = MonthEndRun.run(payerId, ledgers.get(payerId), new MonthEndRun.Facts(
                    payer.map(Directory.Organisation::name).orElse(null),
                    payer.map(Directory.Organisation::contactEmail).orElse(null), held, kinds,
                    MigrationBook.migrationOf(migrations.get(payerId)), termsOf(payerId), revenueShares(),
                    month -> invoices.get(payerId + "|" + month) != null), tick.getAt());
            for (SpecificRecord event : run.events()) {
                keep(payerId, event, timestamp);
                emit(payerId, event, timestamp);
            }
            run.invoices().forEach(metrics::issued);
            run.letGo().forEach(subscriptionId -> subscriptions.delete(payerId + "|" + subscriptionId));
            ledgers.put(payerId, run.ledger());
            runsDue.schedule(payerId, run.ledger().nextRun());
        }
    }

    /** Keeps an issued invoice (B4, B7: found by payer and month, and by id) and sends its lines to the ISVs (D6). */
    private void keep(String payerId, SpecificRecord event, long timestamp) {
        if (event instanceof InvoiceIssued issued) {
            String key = payerId + "|" + issued.getMonth();
            invoices.put(key, issued);
            invoiceIds.put(issued.getInvoiceId(), key);
            for (IsvInvoiceLines lines : InvoiceEvents.byIsv(issued)) {
                context.forward(new Record<>(lines.getIsvId(), lines, timestamp), BillingTopology.PAYOUT_LINES_SINK);
            }
        } else if (event instanceof PrepaidInvoiceIssued prepaid) {
            String key = payerId + "|" + prepaid.getMonth() + "|prepaid";
            invoices.put(key, prepaid);
            invoiceIds.put(prepaid.getInvoiceId(), key);
        } else if (event instanceof InvoiceNotIssued refused) {
            registry.counter(MetricNames.REFUSALS, "service", BillingTopology.SERVICE, "type", "InvoiceNotIssued",
                    "reason", refused.getCode()).increment();
            log.error("Invoice of {} for {} not issued: {}", payerId, refused.getMonth(), refused.getDetail());
        }
    }

    private List<Subscription> subscriptionsOf(String payerId) {
        List<Subscription> held = new ArrayList<>();
        try (KeyValueIterator<String, Subscription> all = subscriptions.prefixScan(payerId + "|",
                new org.apache.kafka.common.serialization.StringSerializer())) {
            all.forEachRemaining(entry -> held.add(entry.value));
        }
        return held;
    }

    /** D8–D10: the discounts given through this payer, as the intervals they were in effect. */
    private List<DiscountTerm> termsOf(String resellerId) {
        List<DiscountTerm> terms = new ArrayList<>();
        try (KeyValueIterator<String, SpecificRecord> all = discountTerms.prefixScan(resellerId + "|",
                new org.apache.kafka.common.serialization.StringSerializer())) {
            all.forEachRemaining(entry -> DiscountHistory.fold(null, entry.value).ifPresent(terms::add));
        }
        return terms;
    }

    /** D6: each ISV's rate from prices.events, 3% where none is set. */
    private RevenueShares revenueShares() {
        Map<String, BigDecimal> rates = new HashMap<>();
        try (KeyValueIterator<String, SpecificRecord> all = prices.prefixScan("revenue-share:",
                new org.apache.kafka.common.serialization.StringSerializer())) {
            all.forEachRemaining(entry -> {
                if (entry.value instanceof RevenueShareSet set) {
                    rates.put(set.getIsvId(), set.getPercent());
                }
            });
        }
        return new RevenueShares(rates);
    }

    private void emit(String payerId, SpecificRecord event, long timestamp) {
        context.forward(new Record<>(payerId, event, timestamp), BillingTopology.EVENTS_SINK);
        registry.counter(MetricNames.OUTCOMES, "service", BillingTopology.SERVICE, "type",
                event.getClass().getSimpleName()).increment();
    }
}
