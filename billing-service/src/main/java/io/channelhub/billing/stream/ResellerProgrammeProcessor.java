package io.channelhub.billing.stream;

import io.channelhub.billing.domain.reseller.BusinessType;
import io.channelhub.billing.domain.reseller.ExemptionCertificate;
import io.channelhub.billing.domain.reseller.OrderLine;
import io.channelhub.billing.domain.reseller.PaymentMethod;
import io.channelhub.billing.domain.reseller.ResellerAccount;
import io.channelhub.billing.domain.reseller.ResellerCommand;
import io.channelhub.billing.domain.reseller.ResellerDecider;
import io.channelhub.billing.domain.reseller.ResellerDecision;
import io.channelhub.billing.domain.reseller.ResellerOutcome;
import io.channelhub.billing.domain.reseller.ResellerSettings;
import io.channelhub.billing.domain.reseller.SalesTaxRates;
import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.event.SalesTaxRateSet;
import io.channelhub.reseller.event.ResellerApplicationSubmitted;
import io.channelhub.reseller.event.ResellerOrderRequested;
import io.channelhub.reseller.event.ResellerPaymentReceived;
import io.channelhub.reseller.event.ResellerRequestRefused;
import io.channelhub.reseller.event.ResellerTermsChanged;
import io.channelhub.reseller.event.TemporaryLicenceRequested;
import io.channelhub.schemas.Events;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The reseller programme (R1–R7) on billing-service's payer partitions: each reseller's account, its orders and
 * their money. Commands arrive deduped from {@link BillingCommandProcessor}; the first tick of a month starts the
 * month for every account (R5 statements, interest, prepay). {@link ResellerDecider} decides; this maps.
 */
final class ResellerProgrammeProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    static boolean accepts(SpecificRecord command) {
        return command instanceof ResellerApplicationSubmitted || command instanceof ResellerTermsChanged
                || command instanceof ResellerOrderRequested || command instanceof TemporaryLicenceRequested
                || command instanceof ResellerPaymentReceived;
    }

    private final ResellerSettings settings;
    private final BillingMetrics metrics;
    private final MeterRegistry registry;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, ResellerAccount> accounts;
    private KeyValueStore<String, String> months;
    private ReadOnlyKeyValueStore<String, SpecificRecord> prices;

    ResellerProgrammeProcessor(ResellerSettings settings, BillingMetrics metrics, MeterRegistry registry) {
        this.settings = settings;
        this.metrics = metrics;
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        accounts = context.getStateStore(BillingTopology.RESELLER_ACCOUNTS_STORE);
        months = context.getStateStore(BillingTopology.RESELLER_MONTHS_STORE);
        prices = context.getStateStore(BillingTopology.PRICES_STORE);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof ClockTicked tick) {
            startMonth(tick, record.timestamp());
            return;
        }
        SpecificRecord command = record.value();
        EventMeta meta = Events.meta(command);
        String resellerId = resellerId(command);
        List<ResellerCommand> commands;
        try {
            commands = commands(command);
        } catch (IllegalArgumentException e) {
            refuse(meta, resellerId, null, List.of("INVALID_FIELD"), e.getMessage(), record.timestamp(),
                    contactOf(command, accounts.get(resellerId)));
            return;
        }
        ResellerAccount account = accounts.get(resellerId);
        for (ResellerCommand each : commands) {
            account = decide(each, account, meta, resellerId, record.timestamp());
        }
        if (command instanceof ResellerApplicationSubmitted && account != null && months.get(resellerId) == null) {
            months.put(resellerId, YearMonth.from(meta.getOccurredAt().atZone(ZoneOffset.UTC)).toString());
        }
    }

    /** R5: each account's month starts once, on the first tick in it. */
    private void startMonth(ClockTicked tick, long timestamp) {
        YearMonth current = YearMonth.from(tick.getAt().atZone(ZoneOffset.UTC));
        Map<String, String> started = new HashMap<>();
        try (KeyValueIterator<String, String> all = months.all()) {
            all.forEachRemaining(entry -> {
                if (YearMonth.parse(entry.value).isBefore(current)) {
                    started.put(entry.key, current.toString());
                }
            });
        }
        started.forEach((resellerId, month) -> {
            EventMeta meta = EventIds.origin(EventIds.derive(resellerId + "|" + month, "MonthStarted", 0),
                    tick.getAt(), BillingTopology.SERVICE);
            decide(new ResellerCommand.MonthStarted(current), accounts.get(resellerId), meta, resellerId, timestamp);
            months.put(resellerId, month);
        });
    }

    private ResellerAccount decide(ResellerCommand command, ResellerAccount account, EventMeta meta,
            String resellerId, long timestamp) {
        ResellerDecision decision = ResellerDecider.decide(command, account, settings, taxRates(),
                meta.getOccurredAt());
        if (decision instanceof ResellerDecision.Refused refused) {
            refuse(meta, resellerId, orderId(command), refused.reasons().stream().map(Enum::name).toList(),
                    refused.detail(), timestamp, account != null ? account.email()
                            : command instanceof ResellerCommand.Register register ? register.email() : null);
            return account;
        }
        ResellerDecision.Accepted accepted = (ResellerDecision.Accepted) decision;
        ResellerAccount after = accepted.state();
        accounts.put(resellerId, after);
        int index = 0;
        for (ResellerOutcome outcome : accepted.outcomes()) {
            ResellerEvents.of(outcome, after, meta, index++).ifPresent(event -> emit(resellerId, event, timestamp));
        }
        metrics.resellers(after);
        return after;
    }

    private static List<ResellerCommand> commands(SpecificRecord command) {
        List<ResellerCommand> commands = new ArrayList<>();
        if (command instanceof ResellerApplicationSubmitted application) {
            commands.add(new ResellerCommand.Register(application.getResellerId(), application.getName(),
                    application.getContactEmail(), application.getCountry(), application.getUsState(),
                    BusinessType.valueOf(application.getBusinessType())));
        } else if (command instanceof ResellerTermsChanged terms) {
            if (terms.getDiscountPercent() != null) {
                commands.add(new ResellerCommand.SetDiscount(terms.getDiscountPercent()));
            }
            if (terms.getExemptionCertificateId() != null) {
                commands.add(new ResellerCommand.FileExemptionCertificate(terms.getExemptionCertificateId(),
                        terms.getExemptionExpiresOn()));
            }
        } else if (command instanceof ResellerOrderRequested order) {
            commands.add(new ResellerCommand.PlaceOrder(order.getOrderId(), order.getCustomerName(),
                    order.getCustomerEmail(), order.getLines().stream().map(l -> new OrderLine(l.getSku(),
                            l.getQuantity(), AvroMoney.fromAvro(l.getUnitPrice()))).toList()));
        } else if (command instanceof TemporaryLicenceRequested request) {
            commands.add(new ResellerCommand.RequestTemporaryLicence(request.getOrderId()));
        } else if (command instanceof ResellerPaymentReceived payment) {
            commands.add(new ResellerCommand.RecordPayment(payment.getOrderId(),
                    PaymentMethod.valueOf(payment.getMethod().name()), AvroMoney.fromAvro(payment.getAmount())));
        }
        return commands;
    }

    /** R6: the sales-tax rates by US state from prices.events. */
    private SalesTaxRates taxRates() {
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

    /** Whom to tell of a refusal: the account's contact, or, for an applicant without one, the application's. */
    private static String contactOf(SpecificRecord command, ResellerAccount account) {
        if (account != null) {
            return account.email();
        }
        return command instanceof ResellerApplicationSubmitted application ? application.getContactEmail() : null;
    }

    private void refuse(EventMeta meta, String resellerId, String orderId, List<String> reasons, String detail,
            long timestamp, String contactEmail) {
        reasons.forEach(reason -> registry.counter(MetricNames.REFUSALS, "service", BillingTopology.SERVICE, "type",
                "ResellerRequestRefused", "reason", reason).increment());
        emit(resellerId, new ResellerRequestRefused(EventIds.causedBy(meta, "ResellerRequestRefused", 0,
                BillingTopology.SERVICE), meta.getEventId(), resellerId, orderId, reasons, detail, contactEmail),
                timestamp);
    }

    private void emit(String resellerId, SpecificRecord event, long timestamp) {
        context.forward(new Record<>(resellerId, event, timestamp), BillingTopology.EVENTS_SINK);
        registry.counter(MetricNames.OUTCOMES, "service", BillingTopology.SERVICE, "type",
                event.getClass().getSimpleName()).increment();
    }

    private static String resellerId(SpecificRecord command) {
        return String.valueOf(command.get(command.getSchema().getField("resellerId").pos()));
    }

    private static String orderId(ResellerCommand command) {
        if (command instanceof ResellerCommand.PlaceOrder order) {
            return order.orderId();
        }
        if (command instanceof ResellerCommand.RequestTemporaryLicence request) {
            return request.orderId();
        }
        if (command instanceof ResellerCommand.RecordPayment payment) {
            return payment.orderId();
        }
        return null;
    }
}
