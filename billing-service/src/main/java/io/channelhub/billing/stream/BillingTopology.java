package io.channelhub.billing.stream;

import io.channelhub.billing.domain.invoice.PayerBilling;
import io.channelhub.billing.domain.invoice.PayerLedger;
import io.channelhub.billing.domain.migration.MigrationBook;
import io.channelhub.billing.domain.migration.MigrationProgramme;
import io.channelhub.billing.domain.migration.MigrationSettings;
import io.channelhub.billing.domain.reseller.ResellerAccount;
import io.channelhub.billing.domain.reseller.ResellerProgramme;
import io.channelhub.billing.domain.reseller.ResellerSettings;
import io.channelhub.billing.domain.reseller.SalesTaxRates;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceNotIssued;
import io.channelhub.billing.event.IsvInvoiceLines;
import io.channelhub.billing.event.SubscriptionHandedOver;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.platform.deadlines.DeadlineIndex;
import io.channelhub.platform.decider.DeciderHost;
import io.channelhub.platform.directory.DirectoryView;
import io.channelhub.platform.streams.DecodeOrDeadLetter;
import io.channelhub.platform.streams.JsonSerde;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.pricing.event.SalesTaxRateSet;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * billing-service's one topology. Everything about a payer (the reseller) meets in one task: its subscriptions,
 * its invoices, and the discounts given to its customers, re-keyed from discounts.events by reseller into a topic
 * of billing's own, so D8–D10 are decided on the partition's own data. The directory and the price list are
 * global tables. Each issued invoice's lines are re-keyed by ISV once more, for the ISVs' payout statements.
 * Every command of billing.commands is decided on the platform's decider host: the payers' by
 * {@link PayerBilling} (their books kept by {@link PayerStores}), the migration's by its own. The reseller
 * programme is a sub-topology apart: resellers.commands in, its host, resellers.events out. Only the payout
 * statements and the re-keying are processors of billing's own.
 */
public final class BillingTopology {

    private static final Logger log = LoggerFactory.getLogger(BillingTopology.class);

    public static final String SERVICE = "billing-service";
    /** discounts.events (in effect, ended, cancelled) by reseller. */
    public static final String DISCOUNTS_BY_RESELLER = SERVICE + ".discounts-by-reseller";
    /** Issued invoices' lines by ISV. */
    public static final String PAYOUT_LINES = SERVICE + ".payout-lines";

    /** {@code <payerId>|<subscriptionId>} -> the subscription (B1). */
    public static final String SUBSCRIPTIONS_STORE = "subscriptions";
    /** payerId -> its {@link io.channelhub.billing.domain.invoice.PayerLedger}: months invoiced, credit used (B4, B6, B7). */
    public static final String PAYER_LEDGERS_STORE = "payer-ledgers";
    /** payers by their next month-end run (B4). */
    public static final String PAYER_DEADLINES_STORE = "payer-deadlines";
    /**
     * D-115: payers whose month-end run one transaction takes; 100 payers of 100 subscriptions are a few seconds
     * of work on a loaded machine, far inside the transaction timeout, and the run of a partition no longer is one.
     */
    static final int PAYERS_PER_STEP = 100;
    /**
     * {@code <payerId>|<yyyy-MM>} -> InvoiceIssued, and {@code <payerId>|<yyyy-MM>|prepaid} -> the migration month's
     * PrepaidInvoiceIssued (B7): issued once, immutable (B4); partitioned by payerId.
     */
    public static final String INVOICES_STORE = "invoices";
    /** {@code <invoiceId>|<line>} -> the credit note that credited the line (B4: once). */
    public static final String CREDITED_LINES_STORE = "credited-lines";
    /** invoiceId -> {@code <payerId>|<yyyy-MM>}. */
    public static final String INVOICE_IDS_STORE = "invoice-ids";
    /** {@code <resellerId>|<isvId>|<discountId>} -> the discount's latest in-effect event. */
    public static final String DISCOUNT_TERMS_STORE = "discount-terms";
    /** {@code <isvId>|<yyyy-MM>|<invoiceId>} -> IsvInvoiceLines. */
    public static final String PAYOUT_LINES_STORE = "payout-lines";
    /** {@code <isvId>|<yyyy-MM>} -> the statements issued so far ({@link PayoutProgress}); partitioned by isvId. */
    public static final String STATEMENTS_STORE = "payout-statements";
    /** ISV months by when their next statement is due (D6). */
    public static final String PAYOUT_DEADLINES_STORE = "payout-deadlines";
    /** resellerId -> the reseller programme account (R1–R7). */
    public static final String RESELLER_ACCOUNTS_STORE = "reseller-accounts";
    /** reseller accounts by the start of their next month (R5). */
    public static final String RESELLER_DEADLINES_STORE = "reseller-deadlines";
    /** resellerId -> its prepaid orders, then its migration: credit earned, trials (B5, B6); the payers' run reads it. */
    public static final String MIGRATIONS_STORE = "migrations";
    /** migrated resellers by their next trial reminder or suspension (B5). */
    public static final String MIGRATION_DEADLINES_STORE = "migration-deadlines";
    /** {@code <payerId>|<subscriptionId>} -> {@code <customerKind>|<productType>} (B6: who the credit is for). */
    public static final String CUSTOMER_KINDS_STORE = "customer-kinds";
    public static final String DIRECTORY_STORE = "directory";
    public static final String PRICES_STORE = "prices";

    static final String ROUTER = "billing-commands-router";
    static final String COMMANDS = "billing-commands";
    static final String DISCOUNT_REKEY = "discounts-by-reseller";
    static final String DISCOUNT_TERMS = "discount-terms-table";
    static final String PAYOUTS = "payout-statements";
    static final String RESELLERS = "reseller-programme";
    static final String MIGRATIONS = "migrations";
    static final String EVENTS_SINK = "billing-events";
    static final String RESELLER_EVENTS_SINK = "resellers-events";
    static final String DISCOUNTS_SINK = "discounts-by-reseller-sink";
    static final String PAYOUT_LINES_SINK = "payout-lines-sink";
    static final String TRANSFER_REKEY = "transfers-by-old-reseller";
    static final String TRANSFERS_SINK = "transfers-sink";
    static final String COMMANDS_SINK = "handovers-sink";

    private BillingTopology() {
    }

    public static Topology build(BillingSettings settings, ResellerSettings resellers, MigrationSettings migration,
            BillingMetrics metrics, MeterRegistry registry, Duration dedupeRetention) {
        Topology topology = new Topology();
        ReferenceTable.addGlobalStore(topology, SERVICE, Topics.DIRECTORY_EVENTS, DIRECTORY_STORE, registry);
        ReferenceTable.addGlobalStore(topology, SERVICE, Topics.PRICES_EVENTS, PRICES_STORE, registry);

        // discounts, re-keyed by reseller into the payer's task
        String discounts = DecodeOrDeadLetter.addSource(topology, Topics.DISCOUNTS_EVENTS, DISCOUNT_REKEY, registry);
        topology.addProcessor(DISCOUNT_REKEY, DiscountRekeyProcessor::new, discounts);
        topology.addSink(DISCOUNTS_SINK, DISCOUNTS_BY_RESELLER, new StringSerializer(), new EventSerde(),
                DISCOUNT_REKEY);
        topology.addSource("source-" + DISCOUNTS_BY_RESELLER, new StringDeserializer(), new EventSerde(),
                DISCOUNTS_BY_RESELLER);
        topology.addProcessor(DISCOUNT_TERMS, DiscountTermsProcessor::new, "source-" + DISCOUNTS_BY_RESELLER);

        // T6 -> B1: a completed transfer goes to the old reseller's task, which hands the subscription over
        String moves = DecodeOrDeadLetter.addSource(topology, Topics.ENTITLEMENTS_EVENTS, TRANSFER_REKEY, registry);
        topology.addProcessor(TRANSFER_REKEY, TransferRekeyProcessor::new, moves);
        topology.addSink(TRANSFERS_SINK, Topics.BILLING_COMMANDS, new StringSerializer(), new EventSerde(),
                TRANSFER_REKEY);

        // the reseller programme (R1-R7): its own commands, its own outcomes, a sub-topology of its own (D-82)
        String resellerCommands = DecodeOrDeadLetter.addSource(topology, Topics.RESELLERS_COMMANDS, RESELLERS,
                registry);
        DeciderHost.of(SERVICE, Topics.RESELLERS_COMMANDS, new ResellerProgramme(resellers))
                .stores(RESELLER_ACCOUNTS_STORE, RESELLER_DEADLINES_STORE)
                .facts(context -> {
                    ReadOnlyKeyValueStore<String, SpecificRecord> prices = context.getStateStore(PRICES_STORE);
                    return () -> taxRates(prices);
                })
                .sink(RESELLER_EVENTS_SINK)
                .outcomes((event, before, after, now) -> {
                    if (after != null) { // an applicant refused has no account to count
                        metrics.resellers(after, now);
                    }
                })
                .metrics(registry, dedupeRetention)
                .addTo(topology, RESELLERS, resellerCommands);

        // the payers' commands and the migration's (B1-B7) share billing.commands
        String commands = DecodeOrDeadLetter.addSource(topology, Topics.BILLING_COMMANDS, ROUTER, registry);
        MigrationProgramme prepaidToPostpaid = new MigrationProgramme(migration);
        topology.addProcessor(ROUTER, () -> new CommandRouter(prepaidToPostpaid::accepts), commands);
        // the move from prepaid to postpaid (B5): its plans go back to billing.commands, to the payers
        DeciderHost.of(SERVICE, Topics.BILLING_COMMANDS, prepaidToPostpaid)
                .stores(MIGRATIONS_STORE, MIGRATION_DEADLINES_STORE)
                .facts(context -> new DirectoryView(context.getStateStore(DIRECTORY_STORE)))
                .sink(event -> event instanceof SubscriptionPlanChosen ? COMMANDS_SINK : EVENTS_SINK)
                .metrics(registry, dedupeRetention)
                .addTo(topology, MIGRATIONS, ROUTER);

        // the payers (B1, B2, B4, B6, B7): handovers go back to billing.commands keyed by the new payer, issued
        // documents' lines to the ISVs' statements keyed by ISV
        DeciderHost.of(SERVICE, Topics.BILLING_COMMANDS, new PayerBilling())
                .stores(PayerStores::new, PAYER_DEADLINES_STORE)
                .facts(StorePayerFacts::new)
                .sink(event -> event instanceof IsvInvoiceLines ? PAYOUT_LINES_SINK
                        : event instanceof SubscriptionHandedOver ? COMMANDS_SINK : EVENTS_SINK)
                .keys(event -> event instanceof IsvInvoiceLines lines ? lines.getIsvId()
                        : event instanceof SubscriptionHandedOver handover ? handover.getToPayerId() : null)
                .internal(event -> event instanceof IsvInvoiceLines || event instanceof SubscriptionHandedOver)
                .outcomes((event, before, after, now) -> {
                    if (event instanceof InvoiceIssued invoice) {
                        metrics.issued(invoice);
                    } else if (event instanceof InvoiceNotIssued refused) {
                        log.error("Invoice of {} for {} not issued: {}", refused.getPayerId(), refused.getMonth(),
                                refused.getDetail());
                    }
                })
                .ignored(command -> {
                    if (command instanceof EntitlementMoved) { // D-34: no postpaid plan of this reseller to move
                        registry.counter(BillingMetrics.TRANSFERS_UNBILLED, "service", SERVICE).increment();
                    }
                })
                .metrics(registry, dedupeRetention)
                .deadlinesInSteps(PAYERS_PER_STEP) // D-115: a month-end run in bounded transactions
                .addTo(topology, COMMANDS, ROUTER);

        // payout statements: lines by ISV, and the ticks
        topology.addSink(PAYOUT_LINES_SINK, PAYOUT_LINES, new StringSerializer(), new EventSerde(), COMMANDS);
        topology.addSource("source-" + PAYOUT_LINES, new StringDeserializer(), new EventSerde(), PAYOUT_LINES);
        topology.addProcessor(PAYOUTS, () -> new PayoutStatementProcessor(settings, metrics),
                "source-" + PAYOUT_LINES, ROUTER);

        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(RESELLER_ACCOUNTS_STORE),
                Serdes.String(), new JsonSerde<>(ResellerAccount.class)), RESELLERS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MIGRATIONS_STORE),
                Serdes.String(), new JsonSerde<>(MigrationBook.class)), MIGRATIONS, COMMANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CUSTOMER_KINDS_STORE),
                Serdes.String(), Serdes.String()), COMMANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DISCOUNT_TERMS_STORE),
                Serdes.String(), new EventSerde()), DISCOUNT_TERMS, COMMANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(SUBSCRIPTIONS_STORE),
                Serdes.String(), new SubscriptionSerde()), COMMANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PAYER_LEDGERS_STORE),
                Serdes.String(), new JsonSerde<>(PayerLedger.class)), COMMANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INVOICES_STORE),
                Serdes.String(), new EventSerde()), COMMANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INVOICE_IDS_STORE),
                Serdes.String(), Serdes.String()), COMMANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CREDITED_LINES_STORE),
                Serdes.String(), Serdes.String()), COMMANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PAYOUT_LINES_STORE),
                Serdes.String(), new EventSerde()), PAYOUTS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STATEMENTS_STORE),
                Serdes.String(), new JsonSerde<>(PayoutProgress.class)), PAYOUTS);
        for (var store : DeadlineIndex.storeBuilders(PAYOUT_DEADLINES_STORE)) {
            topology.addStateStore(store, PAYOUTS);
        }
        // handovers (T6) and migrated orders' plans (B5) go back to billing.commands, to the payers
        topology.addSink(COMMANDS_SINK, Topics.BILLING_COMMANDS, new StringSerializer(), new EventSerde(), COMMANDS,
                MIGRATIONS);
        topology.addSink(EVENTS_SINK, Topics.BILLING_EVENTS, new StringSerializer(), new EventSerde(), COMMANDS,
                PAYOUTS, MIGRATIONS);
        topology.addSink(RESELLER_EVENTS_SINK, Topics.RESELLERS_EVENTS, new StringSerializer(), new EventSerde(),
                RESELLERS);
        return topology;
    }

    /** R6: the sales-tax rates by US state from prices.events. */
    private static SalesTaxRates taxRates(ReadOnlyKeyValueStore<String, SpecificRecord> prices) {
        Map<String, BigDecimal> rates = new HashMap<>();
        try (KeyValueIterator<String, SpecificRecord> all = prices.prefixScan("sales-tax:", new StringSerializer())) {
            all.forEachRemaining(entry -> {
                if (entry.value instanceof SalesTaxRateSet rate) {
                    rates.put(rate.getUsState(), rate.getPercent());
                }
            });
        }
        return new SalesTaxRates(rates);
    }
}
