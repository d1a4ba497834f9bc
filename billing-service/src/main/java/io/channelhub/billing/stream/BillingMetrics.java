package io.channelhub.billing.stream;

import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.domain.invoice.CreditNoteDecider;
import io.channelhub.billing.domain.invoice.InvoiceEvents;
import io.channelhub.billing.event.CreditNoteRefused;
import io.channelhub.billing.event.InvoiceNotIssued;
import io.channelhub.billing.event.CreditNoteRequested;
import io.channelhub.billing.event.DocumentNumbered;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.billing.event.SubscriptionChangeRequested;
import io.channelhub.billing.event.SubscriptionHandedOver;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.billing.event.SubscriptionRefused;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.migration.event.CustomerSuspended;
import io.channelhub.migration.event.MigrationCompleted;
import io.channelhub.migration.event.MigrationRefused;
import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.migration.event.PrepaidOrderRecorded;
import io.channelhub.migration.event.TrialDecisionRequested;
import io.channelhub.migration.event.TrialEnding;
import io.channelhub.platform.dedupe.Dedupe;
import io.channelhub.platform.metrics.KnownSeries;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.reseller.event.ResellerAccountOpened;
import io.channelhub.reseller.event.ResellerApplicationSubmitted;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import io.channelhub.reseller.event.ResellerOrderReleased;
import io.channelhub.reseller.event.ResellerOrderRequested;
import io.channelhub.reseller.event.ResellerPaymentReceived;
import io.channelhub.reseller.event.ResellerPaymentRecorded;
import io.channelhub.reseller.event.ResellerPrepayChanged;
import io.channelhub.reseller.event.ResellerRequestRefused;
import io.channelhub.reseller.event.ResellerStatementIssued;
import io.channelhub.reseller.event.ResellerTermsChanged;
import io.channelhub.reseller.event.TemporaryLicenceIssued;
import io.channelhub.reseller.event.TemporaryLicenceRequested;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** X3: invoices issued, amounts invoiced by currency, payout statements, reseller orders and prepay. */
public final class BillingMetrics {

    public static final String INVOICES = MetricNames.name("billing", "invoices");
    public static final String INVOICED = MetricNames.name("billing", "invoiced.amount");
    /** Transfers of entitlements their reseller has no postpaid subscription for (D-34). */
    public static final String TRANSFERS_UNBILLED = MetricNames.name("billing", "transfers.unbilled");
    public static final String STATEMENTS = MetricNames.name("billing", "payout.statements");

    public static final String ON_PREPAY = MetricNames.name("billing", "resellers.on.prepay");
    public static final String ORDERS = MetricNames.name("billing", "reseller.orders");
    public static final String OVERDUE = MetricNames.name("billing", "reseller.overdue.balance");

    private final MeterRegistry registry;
    private final Map<String, Integer> prepay = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Long>> orders = new ConcurrentHashMap<>();
    private final Map<String, Double> overdue = new ConcurrentHashMap<>();

    public BillingMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(ON_PREPAY, prepay, p -> p.values().stream().mapToInt(Integer::intValue).sum())
                .description("Resellers on prepay (R5), on this instance's partitions").register(registry);
        // a dashboard figure, in each reseller's currency units, as of each reseller's last change
        Gauge.builder(OVERDUE, overdue, o -> o.values().stream().mapToDouble(Double::doubleValue).sum())
                .description("Overdue reseller orders' totals (R5)").register(registry);
        for (var status : io.channelhub.billing.domain.reseller.OrderStatus.values()) {
            Gauge.builder(ORDERS, orders, o -> o.values().stream().mapToLong(m -> m.getOrDefault(status.name(), 0L))
                    .sum()).tag("state", status.name()).description("Reseller orders by state (R2, R4, R5)")
                    .register(registry);
        }
    }

    /**
     * Every series billing-service counts, at 0 from the start (docs/metrics.md): invoices, amounts and statements
     * in each configured currency, refusals by code, outcome events by type, duplicates and stale commands.
     */
    public static KnownSeries knownSeries(List<String> currencies) {
        String service = BillingTopology.SERVICE;
        return KnownSeries.counters(INVOICES, INVOICED, STATEMENTS).tag("currency", currencies)
                .and(KnownSeries.counters(TRANSFERS_UNBILLED).tag("service", service))
                .and(KnownSeries.refusals(service, List.of(SubscriptionRefused.class), Stream.concat(
                        Stream.of(io.channelhub.billing.domain.subscription.RefusalReason.values()),
                        Stream.of("PRICE_UNKNOWN")).toList()))
                .and(KnownSeries.refusals(service, List.of(MigrationRefused.class),
                        List.of(io.channelhub.billing.domain.migration.RefusalReason.values())))
                .and(KnownSeries.refusals(service, List.of(ResellerRequestRefused.class),
                        List.of(io.channelhub.billing.domain.reseller.RefusalReason.values())))
                .and(KnownSeries.refusals(service, List.of(CreditNoteRefused.class),
                        List.of(CreditNoteDecider.Refusal.values())))
                .and(KnownSeries.refusals(service, List.of(InvoiceNotIssued.class),
                        List.of(InvoiceEvents.NOT_ASSEMBLED)))
                .and(KnownSeries.outcomes(service, List.of(SubscriptionUpdated.class, SubscriptionRefused.class,
                        InvoiceIssued.class, InvoiceNotIssued.class, CreditNoteIssued.class, CreditNoteRefused.class,
                        ResellerAccountOpened.class, ResellerRequestRefused.class, ResellerOrderAccepted.class,
                        ResellerOrderReleased.class, TemporaryLicenceIssued.class, ResellerPaymentRecorded.class,
                        ResellerStatementIssued.class, ResellerPrepayChanged.class, MigrationCompleted.class,
                        MigrationRefused.class, PrepaidInvoiceIssued.class, TrialEnding.class,
                        CustomerSuspended.class, DocumentNumbered.class)))
                .and(Dedupe.knownSeries(service, Topics.BILLING_COMMANDS, List.of(SubscriptionPlanChosen.class,
                        SubscriptionChangeRequested.class, EntitlementMoved.class, SubscriptionHandedOver.class,
                        CreditNoteRequested.class, PrepaidOrderRecorded.class, MigrationRequested.class,
                        TrialDecisionRequested.class)))
                .and(Dedupe.knownSeries(service, Topics.RESELLERS_COMMANDS, List.of(
                        ResellerApplicationSubmitted.class, ResellerTermsChanged.class, ResellerOrderRequested.class,
                        TemporaryLicenceRequested.class, ResellerPaymentReceived.class)));
    }

    void issued(InvoiceIssued invoice) {
        String currency = invoice.getCurrency();
        registry.counter(INVOICES, "currency", currency).increment();
        // a counter of money: floating point is fine for a dashboard, never for the invoice itself
        registry.counter(INVOICED, "currency", currency).increment(AvroMoney.fromAvro(invoice.getTotalDue())
                .amount().doubleValue());
    }

    /**
     * R5: resellers on prepay and the orders by state, as last seen per reseller on this instance; overdue as of
     * the decision that changed the account (event time, so a replay reports the same).
     */
    void resellers(io.channelhub.billing.domain.reseller.ResellerAccount account, java.time.Instant now) {
        prepay.put(account.resellerId(), account.onPrepay() ? 1 : 0);
        Map<String, Long> byState = new java.util.HashMap<>();
        account.orders().forEach(o -> byState.merge(o.status().name(), 1L, Long::sum));
        orders.put(account.resellerId(), byState);
        java.time.LocalDate day = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC);
        overdue.put(account.resellerId(), account.overdueOrders(day).stream().map(o -> o.total().amount())
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add).doubleValue());
    }

    void stated(PayoutStatementIssued statement) {
        registry.counter(STATEMENTS, "currency", statement.getCurrency()).increment();
    }
}
