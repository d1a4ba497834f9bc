package io.channelhub.billing.domain.subscription;

import static io.channelhub.billing.domain.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.domain.subscription.SubscriptionCommand.AddSeats;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.MoveToPayer;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.RemoveSeats;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.Renew;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.SetCap;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.StartPlan;
import io.channelhub.billing.domain.subscription.SubscriptionDecision.Refused;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionDeciderTest {

    static Refused refused(SubscriptionCommand command, Subscription state, String at) {
        SubscriptionDecision decision = SubscriptionDecider.decide(command, state, at(at));
        assertThat(decision).isInstanceOf(Refused.class);
        return (Refused) decision;
    }

    @Test
    void b1_b2_startingAPlanFixesTheUnitPriceFromTheListLessTheMargin() {
        Subscription annual = annual("sub-a", 10, "2024-06-01");
        Subscription flexible = flexible("sub-f", 8, "2024-06-01");

        assertThat(annual.unitPrice()).isEqualTo(usd("3.33")); // 40.00 / 12 = 3.333… → 3.33
        assertThat(annual.seats()).isEqualTo(10);
        assertThat(annual.termEnd()).isEqualTo(at("2025-06-01")); // 12 months
        assertThat(flexible.unitPrice()).isEqualTo(usd("4.00")); // 48.00 / 12
        assertThat(flexible.seats()).isZero(); // provisioned without users
        assertThat(flexible.cap()).isEqualTo(8);
        assertThat(annual.payerId()).isEqualTo(R1);
        assertThat(annual.billingAccountId()).isEqualTo(BA1);
    }

    @Test
    void b3_annualReductionBeforeRenewalIsRefusedWithTheReasonAndNothingChanges() {
        Subscription annual = annual("sub-a", 10, "2024-06-01");

        Refused refusal = refused(new RemoveSeats(2), annual, "2024-09-01");

        assertThat(refusal.reasons()).containsExactly(RefusalReason.ANNUAL_REDUCTION_BEFORE_RENEWAL);
        assertThat(refusal.detail()).contains("10 licences are committed until 2025-06-01");
        assertThat(annual.seats()).isEqualTo(10); // the caller keeps the state it had
    }

    @Test
    void b3_flexibleChangeAboveTheCapIsRefusedWithTheReasonAndNothingIsLost() {
        Subscription flexible = apply(flexible("sub-f", 8, "2024-06-01"), new AddSeats(5), "2024-06-02");

        Refused refusal = refused(new AddSeats(4), flexible, "2024-06-03");

        assertThat(refusal.reasons()).containsExactly(RefusalReason.ABOVE_CAP);
        assertThat(refusal.detail()).isEqualTo("9 users would exceed the cap of 8");
        // The 5 users stay; up to the cap is fine, and a raised cap (B1: any time) lets the 9th in.
        Subscription full = apply(flexible, new AddSeats(3), "2024-06-03");
        assertThat(full.seats()).isEqualTo(8);
        Subscription raised = apply(full, new SetCap(10), "2024-06-04");
        assertThat(apply(raised, new AddSeats(1), "2024-06-04").seats()).isEqualTo(9);
    }

    @Test
    void b1_flexibleUsersComeAndGoWithinTheCapWhichCannotDropBelowThoseInUse() {
        Subscription flexible = apply(flexible("sub-f", 8, "2024-06-01"), new AddSeats(6), "2024-06-02");

        assertThat(apply(flexible, new RemoveSeats(4), "2024-06-03").seats()).isEqualTo(2);
        assertThat(refused(new RemoveSeats(7), flexible, "2024-06-03").reasons())
                .containsExactly(RefusalReason.MORE_THAN_IN_USE);
        assertThat(refused(new SetCap(5), flexible, "2024-06-03").reasons())
                .containsExactly(RefusalReason.CAP_BELOW_SEATS_IN_USE);
        assertThat(refused(new SetCap(5), annual("sub-a", 10, "2024-06-01"), "2024-06-03").reasons())
                .containsExactly(RefusalReason.NOT_FLEXIBLE);
    }

    @Test
    void b1_annualSeatsAreAddedAsAmendmentsAndReducedOnlyByRenewal() {
        Subscription annual = apply(annual("sub-a", 10, "2024-06-01"), new AddSeats(2), "2024-07-16T09:30:00Z");
        assertThat(annual.seats()).isEqualTo(12);
        assertThat(annual.amendments()).containsExactly(at("2024-07-16T09:30:00Z")); // D8 re-evaluates there

        assertThat(refused(new Renew(6), annual, "2025-05-31").reasons())
                .containsExactly(RefusalReason.TERM_STILL_RUNNING);
        assertThat(refused(new AddSeats(1), annual, "2025-06-01").reasons())
                .containsExactly(RefusalReason.TERM_ENDED);

        Subscription renewed = apply(annual, new Renew(6), "2025-06-01");
        assertThat(renewed.seats()).isEqualTo(6);
        assertThat(renewed.termStart()).isEqualTo(at("2025-06-01"));
        assertThat(renewed.termEnd()).isEqualTo(at("2026-06-01"));
        assertThat(renewed.purchaseFor(0).lastAmendedOrRenewedAt()).isEqualTo(at("2025-06-01"));
    }

    @Test
    void t6_d8_aTransferMovesThePayerFromItsInstantAndIsAnAmendment() {
        Subscription moved = apply(annual("sub-a", 10, "2024-06-01"), new MoveToPayer(R2, BA2),
                "2024-07-11T15:00:00Z");

        assertThat(moved.payerId()).isEqualTo(R2);
        assertThat(moved.billingAccountId()).isEqualTo(BA2);
        assertThat(moved.payerChanges()).extracting(PayerChange::at)
                .containsExactly(at("2024-06-01"), at("2024-07-11T15:00:00Z"));
        // The old payer's days keep the purchase as it was: no amendment before the move, its own account.
        assertThat(moved.purchaseFor(0).billingAccountId()).isEqualTo(BA1);
        assertThat(moved.purchaseFor(0).lastAmendedOrRenewedAt()).isNull();
        assertThat(moved.purchaseFor(1).lastAmendedOrRenewedAt()).isEqualTo(at("2024-07-11T15:00:00Z"));
        assertThat(refused(new MoveToPayer(R2, BA2), moved, "2024-07-12").reasons())
                .containsExactly(RefusalReason.SAME_PAYER);
    }

    @Test
    void x1_badCommandsAreRefusedWithReasons() {
        Subscription annual = annual("sub-a", 10, "2024-06-01");
        StartPlan broken = new StartPlan("sub-x", " ", R1, ISV, "sku", null, Plan.ANNUAL, usd("50.00"),
                BigDecimal.ZERO, 0);
        StartPlan badMargin = new StartPlan("sub-x", BA1, R1, ISV, "sku", null, Plan.FLEXIBLE, usd("50.00"),
                new BigDecimal("100"), 5);

        assertThat(refused(broken, null, "2024-06-01").reasons())
                .containsExactly(RefusalReason.MISSING_FIELD, RefusalReason.NOT_POSITIVE);
        assertThat(refused(badMargin, null, "2024-06-01").reasons()).containsExactly(RefusalReason.INVALID_PRICE);
        // B2: a SKU the price list does not list on the plan, or a reseller without a margin
        assertThat(refused(new StartPlan("sub-y", BA1, R1, ISV, "sku", null, Plan.ANNUAL, null, MARGIN, 5), null,
                "2024-06-01").reasons()).containsExactly(RefusalReason.PRICE_UNKNOWN);
        assertThat(refused(new StartPlan("sub-y", BA1, R1, ISV, "sku", null, Plan.ANNUAL, usd("50.00"), null, 5),
                null, "2024-06-01").detail()).contains("no margin for " + R1);
        assertThat(refused(startAnnual("sub-a", 10), annual, "2024-06-02").reasons())
                .containsExactly(RefusalReason.ALREADY_STARTED);
        assertThat(refused(new AddSeats(1), null, "2024-06-02").reasons())
                .containsExactly(RefusalReason.NOT_STARTED);
        assertThat(refused(new AddSeats(0), annual, "2024-06-02").reasons())
                .containsExactly(RefusalReason.NOT_POSITIVE);
        assertThat(refused(new AddSeats(1), annual, "2024-05-31").reasons())
                .containsExactly(RefusalReason.OUT_OF_ORDER);
        assertThat(refused(new Renew(5), flexible("sub-f", 5, "2024-06-01"), "2025-06-01").reasons())
                .containsExactly(RefusalReason.NOT_ANNUAL);
    }

    @Test
    void x2_decidingIsPureSoAReplayDecidesTheSame() {
        Subscription annual = annual("sub-a", 10, "2024-06-01");
        Instant now = at("2024-07-01");

        assertThat(SubscriptionDecider.decide(new AddSeats(2), annual, now))
                .isEqualTo(SubscriptionDecider.decide(new AddSeats(2), annual, now));
    }
}
