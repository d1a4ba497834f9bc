package io.channelhub.billing.stream;

import io.channelhub.billing.domain.invoice.Invoice;
import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.platform.metrics.MetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** X3: invoices issued, amounts invoiced by currency, payout statements, reseller orders and prepay. */
public final class BillingMetrics {

    public static final String INVOICES = MetricNames.name("billing", "invoices");
    public static final String INVOICED = MetricNames.name("billing", "invoiced.amount");
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

    void issued(Invoice invoice) {
        String currency = invoice.totalDue().currency().getCurrencyCode();
        registry.counter(INVOICES, "currency", currency).increment();
        // a counter of money: floating point is fine for a dashboard, never for the invoice itself
        registry.counter(INVOICED, "currency", currency).increment(invoice.totalDue().amount().doubleValue());
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
