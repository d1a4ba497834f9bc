package io.channelhub.billing.stream;

import io.channelhub.billing.domain.invoice.Invoice;
import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.platform.metrics.MetricNames;
import io.micrometer.core.instrument.MeterRegistry;

/** X3: invoices issued, amounts invoiced by currency, payout statements. */
public final class BillingMetrics {

    public static final String INVOICES = MetricNames.name("billing", "invoices");
    public static final String INVOICED = MetricNames.name("billing", "invoiced.amount");
    public static final String STATEMENTS = MetricNames.name("billing", "payout.statements");

    private final MeterRegistry registry;

    public BillingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void issued(Invoice invoice) {
        String currency = invoice.totalDue().currency().getCurrencyCode();
        registry.counter(INVOICES, "currency", currency).increment();
        // a counter of money: floating point is fine for a dashboard, never for the invoice itself
        registry.counter(INVOICED, "currency", currency).increment(invoice.totalDue().amount().doubleValue());
    }

    void stated(PayoutStatementIssued statement) {
        registry.counter(STATEMENTS, "currency", statement.getCurrency()).increment();
    }
}
