package io.channelhub.billing.stream;

import io.channelhub.billing.domain.migration.CustomerKind;
import io.channelhub.billing.domain.migration.MigratedOrder;
import io.channelhub.billing.domain.migration.MigrationDecider;
import io.channelhub.billing.domain.migration.MigrationDecision;
import io.channelhub.billing.domain.migration.MigrationOutcome;
import io.channelhub.billing.domain.migration.MigrationSettings;
import io.channelhub.billing.domain.migration.MigrationState;
import io.channelhub.billing.domain.migration.PostpaidPlanStart;
import io.channelhub.billing.domain.migration.PrepaidOrder;
import io.channelhub.billing.domain.migration.PrepaidStatus;
import io.channelhub.billing.domain.migration.ProductType;
import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.common.event.EventMeta;
import io.channelhub.migration.event.CustomerSuspended;
import io.channelhub.migration.event.MigrationCompleted;
import io.channelhub.migration.event.MigrationRefused;
import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.migration.event.PrepaidOrderRecorded;
import io.channelhub.migration.event.TrialDecisionRequested;
import io.channelhub.migration.event.TrialEnding;
import io.channelhub.platform.deadlines.DeadlineIndex;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.directory.DirectoryView;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.pricing.AvroMoney;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The migration from prepaid to postpaid (B5–B7) on the reseller's partition: its prepaid orders, the opt-in
 * ({@link MigrationDecider}), the Annual plans the migrated orders become, and trials on ticks. The credit is spent,
 * and the migration month's prepaid invoice issued, by the monthly invoices ({@link BillingCommandProcessor}).
 */
final class MigrationProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    static boolean accepts(SpecificRecord command) {
        return command instanceof PrepaidOrderRecorded || command instanceof MigrationRequested
                || command instanceof TrialDecisionRequested;
    }

    private final MigrationSettings settings;
    private final MeterRegistry registry;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, PrepaidOrder> prepaidOrders;
    private KeyValueStore<String, MigrationState> migrations;
    private DeadlineIndex trialsDue;
    private Directory directory;

    MigrationProcessor(MigrationSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        prepaidOrders = context.getStateStore(BillingTopology.PREPAID_ORDERS_STORE);
        migrations = context.getStateStore(BillingTopology.MIGRATIONS_STORE);
        trialsDue = DeadlineIndex.from(context, BillingTopology.MIGRATION_DEADLINES_STORE);
        directory = new DirectoryView(context.getStateStore(BillingTopology.DIRECTORY_STORE));
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        long timestamp = record.timestamp();
        if (record.value() instanceof ClockTicked tick) {
            tick(tick, timestamp);
        } else if (record.value() instanceof PrepaidOrderRecorded order) {
            if (migrations.get(order.getResellerId()) == null) { // B5: after the opt-in, prepaid orders are history
                prepaidOrders.put(order.getResellerId() + "|" + order.getOrderId(), prepaid(order));
            }
        } else if (record.value() instanceof MigrationRequested request) {
            String resellerId = request.getResellerId();
            apply(resellerId, request.getMeta(), MigrationDecider.optIn(resellerId, ordersOf(resellerId),
                    migrations.get(resellerId), settings, request.getMeta().getOccurredAt()), false, timestamp);
        } else if (record.value() instanceof TrialDecisionRequested decision) {
            MigrationState state = migrations.get(decision.getResellerId());
            Instant now = decision.getMeta().getOccurredAt();
            apply(decision.getResellerId(), decision.getMeta(), decision.getDecision().equals("CANCEL")
                    ? MigrationDecider.cancelTrial(state, decision.getOrderId(), now)
                    : MigrationDecider.convertTrial(state, decision.getOrderId(), Plan.valueOf(decision.getDecision()),
                            decision.getSeats(), now), false, timestamp);
        }
    }

    /** B5: trials remind and suspend on ticks. */
    private void tick(ClockTicked tick, long timestamp) {
        for (String resellerId : trialsDue.takeDue(tick.getAt())) {
            EventMeta meta = EventIds.origin(EventIds.derive(resellerId + "@" + tick.getAt(), "MigrationTick", 0),
                    tick.getAt(), BillingTopology.SERVICE);
            apply(resellerId, meta, MigrationDecider.dueTrials(migrations.get(resellerId), settings, tick.getAt()),
                    true, timestamp);
            // taken out of the index above: the next trial's day, if one still runs
            MigrationDecider.nextTrialDeadline(migrations.get(resellerId), settings)
                    .ifPresent(at -> trialsDue.schedule(resellerId, at));
        }
    }

    /** @param onTick whether a tick caused it: a tick with nothing due is no refusal */
    private void apply(String resellerId, EventMeta cause, MigrationDecision decision, boolean onTick,
            long timestamp) {
        if (decision instanceof MigrationDecision.Refused refused) {
            if (onTick) {
                return;
            }
            refused.reasons().forEach(reason -> registry.counter(MetricNames.REFUSALS, "service",
                    BillingTopology.SERVICE, "type", "MigrationRefused", "reason", reason.name()).increment());
            emit(resellerId, new MigrationRefused(EventIds.causedBy(cause, "MigrationRefused", 0,
                    BillingTopology.SERVICE), cause.getEventId(), resellerId, refused.reasons().stream()
                    .map(Enum::name).toList(), refused.detail()), timestamp);
            return;
        }
        MigrationDecision.Accepted accepted = (MigrationDecision.Accepted) decision;
        Optional<Instant> was = MigrationDecider.nextTrialDeadline(migrations.get(resellerId), settings);
        migrations.put(resellerId, accepted.state());
        Optional<Instant> next = MigrationDecider.nextTrialDeadline(accepted.state(), settings);
        if (!was.equals(next)) {
            was.ifPresent(at -> trialsDue.cancel(resellerId, at));
            next.ifPresent(at -> trialsDue.schedule(resellerId, at));
        }
        Directory.Organisation reseller = directory.reseller(resellerId)
                .orElse(new Directory.Organisation(resellerId, resellerId, ""));
        int index = 0;
        for (MigrationOutcome outcome : accepted.outcomes()) {
            EventMeta meta = EventIds.causedBy(cause, outcome.getClass().getSimpleName(), index++,
                    BillingTopology.SERVICE);
            if (outcome instanceof MigrationOutcome.Migrated migrated) {
                emit(resellerId, completed(meta, reseller, migrated), timestamp);
                migrated.migration().annualPlans().forEach(plan -> start(plan, meta, timestamp));
            } else if (outcome instanceof MigrationOutcome.TrialConverted converted) {
                start(converted.plan(), meta, timestamp);
            } else if (outcome instanceof MigrationOutcome.TrialEndingReminder reminder) {
                emit(resellerId, new TrialEnding(meta, resellerId, reseller.contactEmail(), reminder.orderId(),
                        reminder.billingAccountId(), reminder.end()), timestamp);
            } else if (outcome instanceof MigrationOutcome.CustomerSuspended suspended) {
                emit(resellerId, new CustomerSuspended(meta, resellerId, reseller.contactEmail(),
                        suspended.orderId(), suspended.billingAccountId()), timestamp);
            }
        }
    }

    /**
     * B5: a migrated order (or a converted trial) goes on as a postpaid plan: chosen on billing.commands like any
     * other, so the payer's processor prices it (B2), keeps it and bills it; nothing here writes a subscription.
     */
    private void start(PostpaidPlanStart plan, EventMeta cause, long timestamp) {
        SubscriptionPlanChosen chosen = new SubscriptionPlanChosen(EventIds.causedBy(cause, "SubscriptionPlanChosen|"
                + plan.subscriptionId(), 0, BillingTopology.SERVICE), plan.subscriptionId(), plan.payerId(),
                plan.billingAccountId(), plan.isvId(), plan.sku(), plan.offerId(),
                BillingPlan.valueOf(plan.plan().name()), plan.seats(), null, null, plan.termEnd());
        context.forward(new Record<>(plan.payerId(), chosen, timestamp), BillingTopology.COMMANDS_SINK);
    }

    private List<PrepaidOrder> ordersOf(String resellerId) {
        List<PrepaidOrder> orders = new ArrayList<>();
        try (KeyValueIterator<String, PrepaidOrder> all = prepaidOrders.prefixScan(resellerId + "|",
                new StringSerializer())) {
            all.forEachRemaining(entry -> orders.add(entry.value));
        }
        return orders;
    }

    private static PrepaidOrder prepaid(PrepaidOrderRecorded o) {
        return new PrepaidOrder(o.getOrderId(), o.getBillingAccountId(), CustomerKind.valueOf(o.getCustomerKind()),
                ProductType.valueOf(o.getProductType()), o.getIsvId(), o.getSku(), o.getOfferId(), o.getSeats(),
                AvroMoney.fromAvro(o.getAmountPaid()).rounded(), o.getTermStart(), o.getRenewalDate(), o.getAutoRenew(),
                PrepaidStatus.valueOf(o.getStatus()), o.getTrialEndsOn(), o.getPlacedAt());
    }

    private static MigrationCompleted completed(EventMeta meta, Directory.Organisation reseller,
            MigrationOutcome.Migrated migrated) {
        var migration = migrated.migration();
        List<io.channelhub.migration.event.MigratedOrder> orders = new ArrayList<>();
        for (MigratedOrder order : migration.orders()) {
            orders.add(new io.channelhub.migration.event.MigratedOrder(order.orderId(),
                    order.order().billingAccountId(), order.order().sku(), order.kind().name(),
                    order.order().renewalDate(), order.trialEnd(), order.unusedDays(), order.order().termDays(),
                    AvroMoney.toAvro(order.order().amountPaid()), AvroMoney.toAvro(order.credit())));
        }
        return new MigrationCompleted(meta, migration.resellerId(), reseller.name(), reseller.contactEmail(),
                migration.migratedAt(), orders, AvroMoney.toAvro(migration.totalCredit()));
    }

    private void emit(String resellerId, SpecificRecord event, long timestamp) {
        context.forward(new Record<>(resellerId, event, timestamp), BillingTopology.EVENTS_SINK);
        registry.counter(MetricNames.OUTCOMES, "service", BillingTopology.SERVICE, "type",
                event.getClass().getSimpleName()).increment();
    }
}
