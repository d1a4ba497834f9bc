package io.channelhub.billing.domain.migration;

import static io.channelhub.billing.domain.migration.RefusalReason.*;

import io.channelhub.billing.domain.migration.MigrationDecision.Accepted;
import io.channelhub.billing.domain.migration.MigrationDecision.Refused;
import io.channelhub.billing.domain.migration.MigrationOutcome.CustomerSuspended;
import io.channelhub.billing.domain.migration.MigrationOutcome.Migrated;
import io.channelhub.billing.domain.migration.MigrationOutcome.TrialCancelled;
import io.channelhub.billing.domain.migration.MigrationOutcome.TrialConverted;
import io.channelhub.billing.domain.migration.MigrationOutcome.TrialEndingReminder;
import io.channelhub.billing.domain.migration.MigrationState.Trial;
import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the migration from prepaid to postpaid (B5) and the trials it leaves: accepted with the new state and
 * outcomes, or refused with reasons and nothing changed. {@code now} is the command's instant, never the wall clock;
 * days are UTC.
 */
public final class MigrationDecider {

    private MigrationDecider() {
    }

    /**
     * B5: the reseller opts in; every prepaid order becomes exactly one {@link MigratedOrder}.
     *
     * @param state the reseller's migration, or null if it has not migrated
     */
    public static MigrationDecision optIn(String resellerId, List<PrepaidOrder> orders, MigrationState state,
                                          MigrationSettings settings, Instant now) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(now, "now");
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<RefusalReason> reasons = new ArrayList<>();
        List<String> details = new ArrayList<>();
        if (resellerId == null || resellerId.isBlank()) {
            reasons.add(MISSING_FIELD);
            details.add("the reseller is required");
        }
        if (state != null) {
            reasons.add(ALREADY_MIGRATED);
            details.add("migrated at " + state.migratedAt() + "; the migration is irreversible");
        }
        YearMonth month = YearMonth.from(day);
        int firstRefusedDay = month.lengthOfMonth() - settings.lastDaysRefused() + 1;
        if (day.getDayOfMonth() >= firstRefusedDay) { // never true when lastDaysRefused is 0
            reasons.add(LAST_DAYS_OF_MONTH);
            details.add(day + " is in the last " + settings.lastDaysRefused() + " days of " + month
                    + " (from " + month.atDay(firstRefusedDay) + "); opt in from " + month.plusMonths(1).atDay(1));
        }
        List<PrepaidOrder> given = orders == null ? List.of() : List.copyOf(orders);
        if (given.isEmpty()) {
            reasons.add(NO_PREPAID_ORDERS);
            details.add("no prepaid orders to migrate");
        } else {
            if (given.stream().map(o -> o.amountPaid().currency()).distinct().count() > 1) {
                reasons.add(CURRENCY_MISMATCH);
                details.add("prepaid orders in more than one currency");
            }
            Set<String> ids = new HashSet<>();
            List<String> duplicates = given.stream().map(PrepaidOrder::orderId).filter(id -> !ids.add(id)).toList();
            if (!duplicates.isEmpty()) {
                reasons.add(DUPLICATE_ORDER);
                details.add("orders given twice: " + duplicates);
            }
        }
        if (!reasons.isEmpty()) {
            return new Refused(reasons, String.join("; ", details));
        }
        List<MigratedOrder> migrated = given.stream().map(o -> migrate(o, day, settings)).toList();
        Money total = migrated.stream().map(MigratedOrder::credit)
                .reduce(Money.zero(given.get(0).amountPaid().currency()), Money::plus);
        Migration migration = new Migration(resellerId, now, migrated, total);
        List<Trial> trials = migrated.stream().filter(m -> m.trialEnd() != null)
                .map(m -> new Trial(m.order(), m.trialEnd(), false)).toList();
        return new Accepted(new MigrationState(migration, total, trials), List.of(new Migrated(migration)));
    }

    /** A running trial becomes an Annual or Flexible postpaid plan from {@code now}; it is no longer due. */
    public static MigrationDecision convertTrial(MigrationState state, String orderId, Plan plan, int seats,
                                                 Instant now) {
        if (state == null) {
            return refused("the reseller has not migrated", NOT_MIGRATED);
        }
        if (plan == null) {
            return refused("a plan is required", MISSING_FIELD);
        }
        if (seats <= 0) {
            return refused("seats must be positive: " + seats, NOT_POSITIVE);
        }
        Trial trial = state.trial(orderId).orElse(null);
        if (trial == null) {
            return refused("no running trial " + orderId, UNKNOWN_TRIAL);
        }
        if (!LocalDate.ofInstant(now, ZoneOffset.UTC).isBefore(trial.end())) {
            return refused("trial " + orderId + " ended on " + trial.end(), TRIAL_ENDED);
        }
        PrepaidOrder order = trial.order();
        PostpaidPlanStart start = new PostpaidPlanStart(orderId, order.billingAccountId(), state.resellerId(),
                order.isvId(), order.sku(), order.offerId(), plan, seats, now, null);
        return new Accepted(state.withoutTrial(orderId), List.of(new TrialConverted(orderId, start)));
    }

    /** The reseller ends a trial: no plan, and no suspension to follow, even if its end has passed. */
    public static MigrationDecision cancelTrial(MigrationState state, String orderId, Instant now) {
        if (state == null) {
            return refused("the reseller has not migrated", NOT_MIGRATED);
        }
        Trial trial = state.trial(orderId).orElse(null);
        if (trial == null) {
            return refused("no running trial " + orderId, UNKNOWN_TRIAL);
        }
        return new Accepted(state.withoutTrial(orderId),
                List.of(new TrialCancelled(orderId, trial.order().billingAccountId())));
    }

    /**
     * The daily tick for trials: from a trial's end day on, its customer is suspended (B5) and the trial dropped;
     * from {@code trialReminderDays} before it, one reminder (0 days: none). Idempotent: a second run the same day
     * finds nothing new.
     */
    public static MigrationDecision dueTrials(MigrationState state, MigrationSettings settings, Instant now) {
        if (state == null) {
            return refused("the reseller has not migrated", NOT_MIGRATED);
        }
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Trial> running = new ArrayList<>();
        List<MigrationOutcome> outcomes = new ArrayList<>();
        for (Trial trial : state.trials()) {
            String orderId = trial.order().orderId();
            String account = trial.order().billingAccountId();
            if (!today.isBefore(trial.end())) {
                outcomes.add(new CustomerSuspended(orderId, account, trial.end()));
            } else if (!trial.reminded() && !today.isBefore(trial.end().minusDays(settings.trialReminderDays()))) {
                outcomes.add(new TrialEndingReminder(orderId, account, trial.end()));
                running.add(new Trial(trial.order(), trial.end(), true));
            } else {
                running.add(trial);
            }
        }
        return new Accepted(state.withTrials(running), outcomes);
    }

    /** B5: when a trial of the reseller next has a reminder or a suspension due (that day's start, UTC), if any. */
    public static Optional<Instant> nextTrialDeadline(MigrationState state, MigrationSettings settings) {
        if (state == null) {
            return Optional.empty();
        }
        return state.trials().stream()
                .map(trial -> trial.reminded() ? trial.end() : trial.end().minusDays(settings.trialReminderDays()))
                .min(Comparator.naturalOrder()).map(day -> day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * B5 per order. Unused days count from the opt-in day, included (the postpaid plan bills that day), to the
     * renewal date, capped at the term.
     */
    static MigratedOrder migrate(PrepaidOrder order, LocalDate day, MigrationSettings settings) {
        long left = ChronoUnit.DAYS.between(day, order.renewalDate());
        int unused = (int) Math.max(0, Math.min(left, order.termDays()));
        Money credit = proRata(order.amountPaid(), unused, order.termDays());
        LocalDate finalTrialEnd = day.plusDays(settings.finalTrialDays());
        if (order.status() == PrepaidStatus.TRIAL) {
            return new MigratedOrder(order, OutcomeKind.TRIAL_KEPT, unused, credit, order.trialEnd());
        }
        // An ACTIVE order whose renewal date has passed is in grace whatever its flag says: there is no term left.
        if (order.status() == PrepaidStatus.GRACE_PERIOD || unused == 0) {
            return new MigratedOrder(order, OutcomeKind.FINAL_TRIAL, unused, credit, finalTrialEnd);
        }
        // Near renewal without auto-renew it would lapse anyway: a last trial, plus credit for the days it paid.
        if (!order.autoRenew() && unused <= settings.nearRenewalDays()) {
            return new MigratedOrder(order, OutcomeKind.FINAL_TRIAL, unused, credit, finalTrialEnd);
        }
        return new MigratedOrder(order, OutcomeKind.ANNUAL, unused, credit, null);
    }

    /** Amount × unused ÷ term, rounded half-up to the cent in one step: 120.00 × 91 ÷ 365 = 29.917… → 29.92. */
    static Money proRata(Money paid, int unusedDays, int termDays) {
        BigDecimal exact = paid.amount().multiply(BigDecimal.valueOf(unusedDays));
        int digits = paid.currency().getDefaultFractionDigits();
        return new Money(exact.divide(BigDecimal.valueOf(termDays), digits, RoundingMode.HALF_UP), paid.currency());
    }

    private static Refused refused(String detail, RefusalReason reason) {
        return new Refused(List.of(reason), detail);
    }
}
