package io.channelhub.billing.domain.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.domain.migration.MigrationDecision.Accepted;
import io.channelhub.billing.domain.migration.MigrationDecision.Refused;
import io.channelhub.pricing.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The seed reseller's book at its opt-in on 2026-10-02T09:00Z (a 31-day month, day 2: allowed). Unused days count
 * from 2026-10-02 to the renewal date; the term of A is 2026 (365 days), of D and E 2025-10-20..2026-10-20 (365).
 */
public final class MigrationFixtures {

    static final String RESELLER = "reseller-1";
    public static final Instant OPT_IN = Instant.parse("2026-10-02T09:00:00Z");
    static final MigrationSettings SETTINGS = MigrationSettings.standard();

    private MigrationFixtures() {
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    static Instant at(String instant) {
        return Instant.parse(instant.length() == 10 ? instant + "T00:00:00Z" : instant);
    }

    static PrepaidOrder order(String id, PrepaidStatus status, String paid, String termStart, String renewal,
                              boolean autoRenew) {
        return new PrepaidOrder(id, "ba-" + id, CustomerKind.ONLINE, ProductType.STANDARD, "isv-1", "sku-apps",
                null, 10, eur(paid), day(termStart), day(renewal), autoRenew, status,
                status == PrepaidStatus.TRIAL ? day(renewal) : null, at("2026-01-01"));
    }

    /** A: active, auto-renew, 120.00 for 2026: 91 days unused (30 Oct + 30 Nov + 31 Dec) → 29.92, Annual. */
    static final PrepaidOrder A = order("A", PrepaidStatus.ACTIVE, "120.00", "2026-01-01", "2027-01-01", true);
    /** B: a trial ending 2026-10-20, nothing paid → kept, 0.00. */
    static final PrepaidOrder B = order("B", PrepaidStatus.TRIAL, "0.00", "2026-09-20", "2026-10-20", false);
    /** C: grace period, term ended 2026-09-15 → final trial to 2026-11-01, 0.00. */
    static final PrepaidOrder C = order("C", PrepaidStatus.GRACE_PERIOD, "240.00", "2025-09-15", "2026-09-15", false);
    /** D: active, renews in 18 days without auto-renew → final trial, 365.00 × 18 / 365 = 18.00. */
    static final PrepaidOrder D = order("D", PrepaidStatus.ACTIVE, "365.00", "2025-10-20", "2026-10-20", false);
    /** E: as D but auto-renewing → Annual, 73.00 × 18 / 365 = 3.60. */
    static final PrepaidOrder E = order("E", PrepaidStatus.ACTIVE, "73.00", "2025-10-20", "2026-10-20", true);
    static final List<PrepaidOrder> BOOK = List.of(A, B, C, D, E);

    static Accepted accepted(MigrationDecision decision) {
        assertThat(decision).isInstanceOf(Accepted.class);
        return (Accepted) decision;
    }

    static Refused refused(MigrationDecision decision) {
        assertThat(decision).isInstanceOf(Refused.class);
        return (Refused) decision;
    }

    /** The book migrated: total 29.92 + 0 + 0 + 18.00 + 3.60 = 51.52. */
    public static MigrationState migrated() {
        return accepted(MigrationDecider.optIn(RESELLER, BOOK, null, SETTINGS, OPT_IN)).state();
    }
}
