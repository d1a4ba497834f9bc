package io.channelhub.billing.domain.migration;

import io.channelhub.billing.domain.Producer;
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
import io.channelhub.platform.decider.Decider;
import io.channelhub.platform.decider.Decision;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.schemas.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * The move from prepaid to postpaid (B5) of one reseller as a {@link Decider}: its prepaid orders are recorded until
 * it opts in ({@link MigrationDecider} decides the opt-in and the trials); a migrated or converted order goes on as
 * a plan chosen on billing.commands ({@code SubscriptionPlanChosen}), which the payer's {@code PayerBilling} prices and bills
 * like any other. The deadline is the next trial reminder or suspension. Facts: the directory (whom to tell).
 */
public final class MigrationProgramme implements Decider<MigrationBook, Directory> {

    private final MigrationSettings settings;

    public MigrationProgramme(MigrationSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean accepts(SpecificRecord command) {
        return command instanceof PrepaidOrderRecorded || command instanceof MigrationRequested
                || command instanceof TrialDecisionRequested;
    }

    @Override
    public String aggregateId(SpecificRecord command, String recordKey) {
        if (command instanceof PrepaidOrderRecorded order) {
            return order.getResellerId();
        }
        if (command instanceof MigrationRequested request) {
            return request.getResellerId();
        }
        return ((TrialDecisionRequested) command).getResellerId();
    }

    @Override
    public Decision<MigrationBook> decide(SpecificRecord command, MigrationBook book, Directory directory,
            Instant now) {
        MigrationBook current = book == null ? new MigrationBook(List.of(), null) : book;
        String resellerId = aggregateId(command, null);
        EventMeta cause = Events.meta(command);
        if (command instanceof PrepaidOrderRecorded order) {
            // B5: after the opt-in, prepaid orders are history
            return current.migration() != null ? Decision.nothing()
                    : Decision.of(current.withOrder(prepaid(order)));
        }
        MigrationDecision decision;
        if (command instanceof MigrationRequested) {
            decision = MigrationDecider.optIn(resellerId, current.prepaidOrders(), current.migration(), settings, now);
        } else {
            TrialDecisionRequested trial = (TrialDecisionRequested) command;
            decision = trial.getDecision().equals("CANCEL")
                    ? MigrationDecider.cancelTrial(current.migration(), trial.getOrderId(), now)
                    : MigrationDecider.convertTrial(current.migration(), trial.getOrderId(),
                            Plan.valueOf(trial.getDecision()), trial.getSeats(), now);
        }
        if (decision instanceof MigrationDecision.Refused refused) {
            return Decision.only(new MigrationRefused(EventIds.causedBy(cause, "MigrationRefused", 0,
                    Producer.BILLING), cause.getEventId(), resellerId, refused.reasons().stream().map(Enum::name)
                    .toList(), refused.detail()));
        }
        return accepted(current, (MigrationDecision.Accepted) decision, cause, directory);
    }

    /** B5: trial reminders and suspensions due by {@code now}. */
    @Override
    public Decision<MigrationBook> deadlines(MigrationBook book, Directory directory, EventMeta cause,
            Instant now) {
        MigrationState migration = MigrationBook.migrationOf(book);
        if (nextTrial(migration).filter(at -> !at.isAfter(now)).isEmpty()) {
            return Decision.nothing();
        }
        // one cause (a tick) reaches every reseller of the partition: the reseller is part of the ids
        String resellerId = migration.resellerId();
        EventMeta meta = EventIds.origin(EventIds.derive(resellerId + "@" + cause.getEventId(), "MigrationTick", 0),
                now, Producer.BILLING);
        return accepted(book, (MigrationDecision.Accepted) MigrationDecider.dueTrials(migration, settings, now), meta,
                directory);
    }

    @Override
    public Optional<Instant> nextDeadline(MigrationBook book) {
        return nextTrial(MigrationBook.migrationOf(book));
    }

    @Override
    public List<String> refusalReasons(SpecificRecord event) {
        return event instanceof MigrationRefused refused ? refused.getReasons() : List.of();
    }

    private Optional<Instant> nextTrial(MigrationState migration) {
        return MigrationDecider.nextTrialDeadline(migration, settings);
    }

    private Decision<MigrationBook> accepted(MigrationBook book, MigrationDecision.Accepted accepted, EventMeta cause,
            Directory directory) {
        String resellerId = accepted.state().resellerId();
        List<SpecificRecord> events = new ArrayList<>();
        int index = 0;
        for (MigrationOutcome outcome : accepted.outcomes()) {
            EventMeta meta = EventIds.causedBy(cause, outcome.getClass().getSimpleName(), index++, Producer.BILLING);
            if (outcome instanceof MigrationOutcome.Migrated migrated) {
                events.add(completed(meta, directory, migrated.migration()));
                migrated.migration().annualPlans().forEach(plan -> events.add(chosen(plan, meta)));
            } else if (outcome instanceof MigrationOutcome.TrialConverted converted) {
                events.add(chosen(converted.plan(), meta));
            } else if (outcome instanceof MigrationOutcome.TrialEndingReminder reminder) {
                events.add(new TrialEnding(meta, resellerId, reseller(directory, resellerId).contactEmail(),
                        reminder.orderId(), reminder.billingAccountId(), reminder.end(),
                        resellerName(directory, resellerId), customerName(directory, reminder.billingAccountId())));
            } else if (outcome instanceof MigrationOutcome.CustomerSuspended suspended) {
                events.add(new CustomerSuspended(meta, resellerId, reseller(directory, resellerId).contactEmail(),
                        suspended.orderId(), suspended.billingAccountId(), resellerName(directory, resellerId),
                        customerName(directory, suspended.billingAccountId())));
            }
        }
        return new Decision<>(events, new MigrationBook(book.prepaidOrders(), accepted.state()));
    }

    private static Directory.Organisation reseller(Directory directory, String resellerId) {
        return directory.reseller(resellerId).orElse(new Directory.Organisation(resellerId, resellerId, ""));
    }

    /** The reseller's name, or null where the directory does not know it (the e-mail then greets no one by name). */
    private static String resellerName(Directory directory, String resellerId) {
        return directory.reseller(resellerId).map(Directory.Organisation::name).orElse(null);
    }

    /** Issue 23: e-mails name the customer of a billing account; null for an account the directory does not know. */
    private static String customerName(Directory directory, String billingAccountId) {
        return directory.account(billingAccountId).map(Directory.BillingAccount::customerName).orElse(null);
    }

    /** B5: a migrated order (or a converted trial) goes on as a postpaid plan, chosen like any other. */
    private static SubscriptionPlanChosen chosen(PostpaidPlanStart plan, EventMeta cause) {
        return new SubscriptionPlanChosen(EventIds.causedBy(cause, "SubscriptionPlanChosen|" + plan.subscriptionId(),
                0, Producer.BILLING), plan.subscriptionId(), plan.payerId(), plan.billingAccountId(), plan.isvId(),
                plan.sku(), plan.offerId(), BillingPlan.valueOf(plan.plan().name()), plan.seats(), null, null,
                plan.termEnd());
    }

    private static PrepaidOrder prepaid(PrepaidOrderRecorded o) {
        return new PrepaidOrder(o.getOrderId(), o.getBillingAccountId(), CustomerKind.valueOf(o.getCustomerKind()),
                ProductType.valueOf(o.getProductType()), o.getIsvId(), o.getSku(), o.getOfferId(), o.getSeats(),
                AvroMoney.fromAvro(o.getAmountPaid()).rounded(), o.getTermStart(), o.getRenewalDate(), o.getAutoRenew(),
                PrepaidStatus.valueOf(o.getStatus()), o.getTrialEndsOn(), o.getPlacedAt());
    }

    /** B6: the migration as {@code MigrationCompleted} tells it, the reseller named from the directory. */
    public static MigrationCompleted completed(EventMeta meta, Directory directory, Migration migration) {
        Directory.Organisation reseller = reseller(directory, migration.resellerId());
        List<io.channelhub.migration.event.MigratedOrder> orders = new ArrayList<>();
        for (MigratedOrder order : migration.orders()) {
            orders.add(new io.channelhub.migration.event.MigratedOrder(order.orderId(),
                    order.order().billingAccountId(), order.order().sku(), order.kind().name(),
                    order.order().renewalDate(), order.trialEnd(), order.unusedDays(), order.order().termDays(),
                    AvroMoney.toAvro(order.order().amountPaid()), AvroMoney.toAvro(order.credit()),
                    customerName(directory, order.order().billingAccountId())));
        }
        return new MigrationCompleted(meta, migration.resellerId(), reseller.name(), reseller.contactEmail(),
                migration.migratedAt(), orders, AvroMoney.toAvro(migration.totalCredit()));
    }
}
