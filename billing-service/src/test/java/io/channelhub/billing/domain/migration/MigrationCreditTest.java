package io.channelhub.billing.domain.migration;

import static io.channelhub.billing.domain.migration.MigrationFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelhub.billing.domain.migration.CreditApplication.ChargeCredit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** B6 against the book migrated at 2026-10-02T09:00Z with 51.52 of credit. */
class MigrationCreditTest {

    static final String NEW = "2026-10-10"; // signed up after the migration
    static final String OLD = "2026-05-01"; // a customer from before it

    static CreditCandidateCharge charge(String id, CustomerKind kind, ProductType type, String firstSeen,
                                        String amount) {
        return new CreditCandidateCharge(id, "ba-" + id, kind, type, at(firstSeen), eur(amount));
    }

    @Test
    void onlyNewOnlineStandardCustomersTakeCredit() {
        // B6: of eight 10.00–20.00 charges only c1 qualifies; 51.52 − 20.00 = 31.52 carried.
        List<CreditCandidateCharge> charges = List.of(
                charge("c1", CustomerKind.ONLINE, ProductType.STANDARD, NEW, "20.00"),
                charge("c2", CustomerKind.OFFLINE, ProductType.STANDARD, NEW, "10.00"),
                charge("c3", CustomerKind.ONLINE, ProductType.POSTINI, NEW, "10.00"),
                charge("c4", CustomerKind.ONLINE, ProductType.CHROMEBOOK, NEW, "10.00"),
                charge("c5", CustomerKind.ONLINE, ProductType.OTHER, NEW, "10.00"),
                charge("c6", CustomerKind.ONLINE, ProductType.STANDARD, OLD, "10.00"),
                // first seen exactly at the opt-in is not after it
                charge("c7", CustomerKind.ONLINE, ProductType.STANDARD, "2026-10-02T09:00:00Z", "10.00"),
                // a migrated order's customer (ba-A) is an existing customer whatever its first-seen says
                new CreditCandidateCharge("c8", "ba-A", CustomerKind.ONLINE, ProductType.STANDARD, at(NEW),
                        eur("10.00")));
        CreditApplication application = MigrationCredit.applicable(migrated(), charges);
        assertThat(application.credited()).containsExactly(new ChargeCredit("c1", eur("20.00")));
        assertThat(application.applied()).isEqualTo(eur("20.00"));
        assertThat(application.carried()).isEqualTo(eur("31.52"));
    }

    @Test
    void creditLargerThanTheChargesIsCarriedAndNeverPaidOut() {
        // B6: 51.52 against 12.50 + 7.25 = 19.75 → 51.52 − 19.75 = 31.77 carried, nothing as cash.
        CreditApplication application = MigrationCredit.applicable(migrated(), List.of(
                charge("n1", CustomerKind.ONLINE, ProductType.STANDARD, NEW, "12.50"),
                charge("n2", CustomerKind.ONLINE, ProductType.STANDARD, NEW, "7.25")));
        assertThat(application.applied()).isEqualTo(eur("19.75"));
        assertThat(application.carried()).isEqualTo(eur("31.77"));
        MigrationState after = migrated().withCreditBalance(application.carried());
        assertThat(after.creditBalance()).isEqualTo(eur("31.77"));
        assertThatThrownBy(() -> migrated().withCreditBalance(eur("-0.01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void chargesLargerThanTheCreditTakeItInOrderDownToZero() {
        // B6: 51.52 against 40.00 then 30.00 → 40.00 and 11.52, 0.00 carried; the third gets none.
        CreditApplication application = MigrationCredit.applicable(migrated(), List.of(
                charge("n1", CustomerKind.ONLINE, ProductType.STANDARD, NEW, "40.00"),
                charge("n2", CustomerKind.ONLINE, ProductType.STANDARD, NEW, "30.00"),
                charge("n3", CustomerKind.ONLINE, ProductType.STANDARD, NEW, "5.00")));
        assertThat(application.credited()).containsExactly(new ChargeCredit("n1", eur("40.00")),
                new ChargeCredit("n2", eur("11.52")));
        assertThat(application.carried()).isEqualTo(eur("0.00"));
    }

    @Test
    void aZeroBalanceOrARefundLineTakesNothing() {
        // B6: never negative: a −5.00 line takes no credit; an empty balance credits nothing.
        List<CreditCandidateCharge> charges = List.of(
                charge("r1", CustomerKind.ONLINE, ProductType.STANDARD, NEW, "-5.00"),
                charge("n1", CustomerKind.ONLINE, ProductType.STANDARD, NEW, "8.00"));
        CreditApplication some = MigrationCredit.applicable(migrated(), charges);
        assertThat(some.credited()).containsExactly(new ChargeCredit("n1", eur("8.00")));
        assertThat(some.carried()).isEqualTo(eur("43.52")); // 51.52 − 8.00
        CreditApplication none = MigrationCredit.applicable(migrated().withCreditBalance(eur("0.00")), charges);
        assertThat(none.credited()).isEmpty();
        assertThat(none.applied()).isEqualTo(eur("0.00"));
        assertThat(none.carried()).isEqualTo(eur("0.00"));
    }
}
