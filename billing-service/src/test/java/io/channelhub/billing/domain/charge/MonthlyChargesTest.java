package io.channelhub.billing.domain.charge;

import static io.channelhub.billing.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.AddSeats;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.MoveToPayer;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.RemoveSeats;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.Renew;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.StartPlan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MonthlyChargesTest {

    static final YearMonth JUNE = YearMonth.of(2024, 6);  // 30 days
    static final YearMonth JULY = YearMonth.of(2024, 7);  // 31 days

    @Test
    void b1_aFullAnnualMonthIsOneEqualInstalmentWhateverTheMonthsLength() {
        Subscription annual = annual("sub-a", 10, "2024-01-01");

        // 10 × 3.33 = 33.30: 310 seat-days × 3.33 / 31, 300 × 3.33 / 30, 290 × 3.33 / 29 are all exact.
        for (YearMonth month : List.of(JULY, JUNE, YearMonth.of(2024, 2))) {
            assertThat(MonthlyCharges.of(annual, month))
                    .extracting(SubscriptionCharge::kind, SubscriptionCharge::amount)
                    .containsExactly(tuple(ChargeKind.ANNUAL_INSTALMENT, usd("33.30")));
        }
        assertThat(MonthlyCharges.of(annual, JULY).get(0).seatDays()).isEqualTo(10 * 31);
    }

    @Test
    void b1_seatsAddedMidMonthAreBilledProRataFromTheDayTheyWereAdded() {
        Subscription annual = apply(annual("sub-a", 10, "2024-06-01"), new AddSeats(2), "2024-07-16T09:30:00Z");

        // July: the instalment 10 × 3.33 = 33.30; 2 seats for 16 days (16th–31st) of 31:
        // 32 seat-days × 3.33 / 31 = 3.4374… → 3.44 (half-up at the line). July total 36.74.
        assertThat(MonthlyCharges.of(annual, JULY))
                .extracting(SubscriptionCharge::kind, SubscriptionCharge::firstDay, SubscriptionCharge::seatDays,
                        SubscriptionCharge::amount)
                .containsExactly(
                        tuple(ChargeKind.ANNUAL_INSTALMENT, LocalDate.of(2024, 7, 1), 310, usd("33.30")),
                        tuple(ChargeKind.ANNUAL_SEATS_ADDED, LocalDate.of(2024, 7, 16), 32, usd("3.44")));
        // August: 12 × 3.33 = 39.96, one instalment.
        assertThat(MonthlyCharges.of(annual, YearMonth.of(2024, 8))).extracting(SubscriptionCharge::amount)
                .containsExactly(usd("39.96"));
    }

    @Test
    void b1_aTermStartingMidMonthStillAddsUpToTwelveInstalments() {
        Subscription annual = annual("sub-a", 10, "2024-06-16T10:00:00Z");

        // June 16th–30th: 15 days × 10 × 3.33 / 30 = 16.65; June 2025 until the term ends on the 16th: the 15
        // days from the 1st, 16.65. 16.65 + 11 × 33.30 + 16.65 = 399.60 = 12 × 33.30.
        assertThat(MonthlyCharges.of(annual, JUNE)).extracting(SubscriptionCharge::amount)
                .containsExactly(usd("16.65"));
        assertThat(MonthlyCharges.of(annual, YearMonth.of(2025, 6)))
                .extracting(SubscriptionCharge::lastDay, SubscriptionCharge::amount)
                .containsExactly(tuple(LocalDate.of(2025, 6, 15), usd("16.65")));
        assertThat(MonthlyCharges.of(annual, YearMonth.of(2025, 7))).isEmpty(); // not renewed
    }

    @Test
    void b1_renewalWithFewerLicencesBillsTheNewCommitmentFromItsFirstDay() {
        Subscription annual = annual("sub-a", 10, "2024-01-01");
        Subscription late = apply(annual, new Renew(6), "2025-01-11");

        // On time: 6 × 3.33 = 19.98. Ten days late: nothing committed 1st–10th, then 6 seats for 21 days:
        // 126 seat-days × 3.33 / 31 = 13.5348… → 13.53.
        assertThat(MonthlyCharges.of(apply(annual, new Renew(6), "2025-01-01"), YearMonth.of(2025, 1)))
                .extracting(SubscriptionCharge::amount).containsExactly(usd("19.98"));
        assertThat(MonthlyCharges.of(late, YearMonth.of(2025, 1)))
                .extracting(SubscriptionCharge::kind, SubscriptionCharge::seatDays, SubscriptionCharge::amount)
                .containsExactly(tuple(ChargeKind.ANNUAL_INSTALMENT, 126, usd("13.53")));
        assertThat(MonthlyCharges.of(late, YearMonth.of(2024, 12))).extracting(SubscriptionCharge::amount)
                .containsExactly(usd("33.30"));
    }

    @Test
    void b1_flexibleBillsTheSeatsUsedEachDayProRata() {
        Subscription flexible = apply(flexible("sub-f", 10, "2024-06-01"), new AddSeats(5), "2024-06-01");
        flexible = apply(flexible, new AddSeats(3), "2024-06-11");

        // 5 users for 10 days, 8 for 20, in a 30-day month: 5 × 4.00 × 10/30 + 8 × 4.00 × 20/30
        // = 6.666… + 21.333… = 210 seat-days × 4.00 / 30 = 28.00, rounded once for the line.
        assertThat(MonthlyCharges.of(flexible, JUNE))
                .extracting(SubscriptionCharge::kind, SubscriptionCharge::seatDays, SubscriptionCharge::amount)
                .containsExactly(tuple(ChargeKind.FLEXIBLE_USAGE, 210, usd("28.00")));
    }

    @Test
    void b1_aFlexibleDayCountsTheMostUsersInUseThatDay() {
        Subscription flexible = flexible("sub-f", 10, "2024-07-01");
        flexible = apply(flexible, new AddSeats(1), "2024-07-10T09:00:00Z");
        flexible = apply(flexible, new RemoveSeats(1), "2024-07-10T17:00:00Z");

        // One user for eight hours is one seat-day: 4.00 / 31 = 0.129… → 0.13. No users at all: no line.
        assertThat(MonthlyCharges.of(flexible, JULY)).extracting(SubscriptionCharge::seatDays,
                SubscriptionCharge::amount).containsExactly(tuple(1, usd("0.13")));
        assertThat(MonthlyCharges.of(flexible, YearMonth.of(2024, 8))).isEmpty();
    }

    @Test
    void t6_b4_aTransferMidMonthSplitsTheDaysBetweenThePayers() {
        Subscription moved = apply(annual("sub-a", 10, "2024-06-01"), new MoveToPayer(R2, BA2),
                "2024-07-11T15:00:00Z");

        // The transfer's day goes to the new payer. R1: 1st–10th, 100 seat-days × 3.33 / 31 = 10.7419… → 10.74;
        // R2: 11th–31st, 210 seat-days × 3.33 / 31 = 22.5580… → 22.56. Together 33.30, the instalment.
        assertThat(MonthlyCharges.of(moved, JULY))
                .extracting(SubscriptionCharge::payerId, SubscriptionCharge::firstDay, SubscriptionCharge::lastDay,
                        SubscriptionCharge::amount, c -> c.purchase().billingAccountId())
                .containsExactly(
                        tuple(R1, LocalDate.of(2024, 7, 1), LocalDate.of(2024, 7, 10), usd("10.74"), BA1),
                        tuple(R2, LocalDate.of(2024, 7, 11), LocalDate.of(2024, 7, 31), usd("22.56"), BA2));
    }

    // B1: 12 equal instalments, numbered by calendar month from the term's first; seats added are billed in the
    // month's instalment; Flexible has none
    @Test
    void b1_eachAnnualLineSaysWhichOfTheTwelveInstalmentsItIs() {
        Subscription annual = apply(annual("sub-a", 10, "2024-01-01"), new AddSeats(2), "2024-03-16T09:30:00Z");
        assertThat(MonthlyCharges.of(annual, YearMonth.of(2024, 1))).extracting(SubscriptionCharge::instalment)
                .containsExactly(OptionalInt.of(1));
        assertThat(MonthlyCharges.of(annual, YearMonth.of(2024, 3)))
                .extracting(SubscriptionCharge::kind, SubscriptionCharge::instalment)
                .containsExactly(tuple(ChargeKind.ANNUAL_INSTALMENT, OptionalInt.of(3)),
                        tuple(ChargeKind.ANNUAL_SEATS_ADDED, OptionalInt.of(3)));
        assertThat(MonthlyCharges.of(annual, YearMonth.of(2024, 12))).extracting(SubscriptionCharge::instalment)
                .containsExactly(OptionalInt.of(12));
        // renewed on time: the new term's first instalment
        assertThat(MonthlyCharges.of(apply(annual, new Renew(6), "2025-01-01"), YearMonth.of(2025, 1)))
                .extracting(SubscriptionCharge::instalment).containsExactly(OptionalInt.of(1));

        Subscription flexible = apply(flexible("sub-f", 10, "2024-06-01"), new AddSeats(5), "2024-06-01");
        assertThat(MonthlyCharges.of(flexible, JUNE)).extracting(SubscriptionCharge::instalment)
                .containsExactly(OptionalInt.empty());
    }

    // B1 (D-110): a term begun after the 1st is billed over 13 calendar months; the first, partial month is
    // instalment 1, and the 13th month's days, which complete it, carry no number; nor does a line that runs
    // across a renewal
    @Test
    void b1_aMonthThatIsNotOneInstalmentCarriesNoNumber() {
        Subscription annual = annual("sub-a", 10, "2024-06-16T10:00:00Z");
        assertThat(MonthlyCharges.of(annual, JUNE)).extracting(SubscriptionCharge::instalment)
                .containsExactly(OptionalInt.of(1));
        assertThat(MonthlyCharges.of(annual, JULY)).extracting(SubscriptionCharge::instalment)
                .containsExactly(OptionalInt.of(2));
        assertThat(MonthlyCharges.of(annual, YearMonth.of(2025, 5))).extracting(SubscriptionCharge::instalment)
                .containsExactly(OptionalInt.of(12));
        assertThat(MonthlyCharges.of(annual, YearMonth.of(2025, 6))).extracting(SubscriptionCharge::instalment)
                .containsExactly(OptionalInt.empty());
        // renewed on the 16th with as many licences: one line for the whole month, half of it the old term's
        Subscription renewed = apply(annual, new Renew(10), "2025-06-16T10:00:00Z");
        assertThat(MonthlyCharges.of(renewed, YearMonth.of(2025, 6)))
                .extracting(SubscriptionCharge::firstDay, SubscriptionCharge::instalment)
                .containsExactly(tuple(LocalDate.of(2025, 6, 1), OptionalInt.empty()));
    }

    // B5, B1: a migrated order keeps its renewal date; its 12 months began a year before it, the months before the
    // migration were prepaid, so its first postpaid month goes on at the instalment it had reached
    @Test
    void b5_aMigratedOrderGoesOnAtTheInstalmentItHadReached() {
        Subscription migrated = apply(null, new StartPlan("sub-m", BA1, R1, ISV, "sku-apps", null, Plan.ANNUAL,
                usd("50.00"), MARGIN, 10, Instant.parse("2025-03-01T00:00:00Z")), "2024-10-10T09:00:00Z");
        assertThat(MonthlyCharges.of(migrated, YearMonth.of(2024, 10)))
                .extracting(SubscriptionCharge::firstDay, SubscriptionCharge::instalment)
                .containsExactly(tuple(LocalDate.of(2024, 10, 10), OptionalInt.of(8)));
        assertThat(MonthlyCharges.of(migrated, YearMonth.of(2025, 2))).extracting(SubscriptionCharge::instalment)
                .containsExactly(OptionalInt.of(12));
    }
}
