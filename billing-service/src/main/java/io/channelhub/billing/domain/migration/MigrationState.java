package io.channelhub.billing.domain.migration;

import io.channelhub.pricing.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A migrated reseller: the migration itself (irreversible, B5), the migration credit left (B6) and the trials still
 * running. There is no way to pay the balance out: it only goes down as credit is applied to charges.
 *
 * @param trials kept and final trials not yet converted, cancelled or ended
 */
public record MigrationState(Migration migration, Money creditBalance, List<Trial> trials) {

    /**
     * @param end      exclusive: from the start of this day (UTC) an unconverted trial's customer is suspended
     * @param reminded whether the "trial ending" reminder was sent
     */
    public record Trial(PrepaidOrder order, LocalDate end, boolean reminded) {
        public Trial {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(end, "end");
        }
    }

    public MigrationState {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(creditBalance, "creditBalance");
        trials = List.copyOf(trials);
        if (creditBalance.isNegative() || creditBalance.compareTo(migration.totalCredit()) > 0) {
            throw new IllegalArgumentException("Credit balance " + creditBalance + " outside 0.."
                    + migration.totalCredit());
        }
    }

    public String resellerId() {
        return migration.resellerId();
    }

    public Instant migratedAt() {
        return migration.migratedAt();
    }

    public Optional<Trial> trial(String orderId) {
        return trials.stream().filter(t -> t.order().orderId().equals(orderId)).findFirst();
    }

    /** After credit was applied (B6): the balance carried forward. */
    public MigrationState withCreditBalance(Money balance) {
        return new MigrationState(migration, balance, trials);
    }

    MigrationState withTrials(List<Trial> newTrials) {
        return new MigrationState(migration, creditBalance, newTrials);
    }

    MigrationState withoutTrial(String orderId) {
        return withTrials(trials.stream().filter(t -> !t.order().orderId().equals(orderId)).toList());
    }
}
