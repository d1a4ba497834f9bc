package io.channelhub.pricing;

import static io.channelhub.pricing.ChargeType.COMMITMENT;
import static io.channelhub.pricing.ChargeType.FLAT_FEE;
import static io.channelhub.pricing.ChargeType.USAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.channelhub.pricing.DiscountDecision.Rule;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DiscountPolicyTest {

    static final String ISV = "isv-1";
    static final String ACCOUNT = "ba-1";

    static Instant at(String instant) {
        return Instant.parse(instant.length() == 10 ? instant + "T00:00:00Z" : instant);
    }

    static DiscountTerm discount(String id, String percent, String from, String until) {
        return offerDiscount(id, percent, from, until, null);
    }

    static DiscountTerm offerDiscount(String id, String percent, String from, String until, String offerId) {
        return new DiscountTerm(id, ISV, ACCOUNT, "reseller-1", new BigDecimal(percent), at(from),
                until == null ? null : at(until), offerId);
    }

    /** A one-year term starting at acceptance, not amended or renewed. */
    static Purchase accepted(String acceptedAt) {
        return new Purchase(ISV, ACCOUNT, "offer-1", at(acceptedAt), null, at(acceptedAt),
                at(acceptedAt).plusSeconds(366L * 86_400));
    }

    static Purchase renewed(Purchase purchase, String renewedAt, String newTermEnd) {
        return new Purchase(ISV, ACCOUNT, purchase.offerId(), purchase.offerAcceptedAt(), at(renewedAt),
                at(renewedAt), at(newTermEnd));
    }

    static Purchase amended(Purchase purchase, String amendedAt) {
        return new Purchase(ISV, ACCOUNT, purchase.offerId(), purchase.offerAcceptedAt(), at(amendedAt),
                purchase.currentTermStart(), purchase.currentTermEnd());
    }

    static DiscountDecision decide(ChargeType type, Purchase purchase, String billedAt, DiscountTerm... history) {
        return DiscountPolicy.decide(new Charge(purchase, type, at(billedAt)), List.of(history));
    }

    @Test
    void cutOverIsMidnightUtcOn20May2024() { // D8, D9, D10
        assertThat(DiscountPolicy.CUT_OVER).isEqualTo(Instant.parse("2024-05-20T00:00:00Z"));
    }

    @Nested
    class FromTheCutOver {
        // A in effect at acceptance, B replaced it later.
        final DiscountTerm a = discount("A", "10", "2024-06-01", "2024-07-01");
        final DiscountTerm b = discount("B", "20", "2024-07-01", null);
        final Purchase purchase = accepted("2024-06-15");

        @ParameterizedTest
        @EnumSource(value = ChargeType.class, names = {"COMMITMENT", "FLAT_FEE"})
        void d8_keptChargeKeepsTheDiscountInEffectAtAcceptanceThoughANewerOneIsInEffect(ChargeType type) {
            DiscountDecision decision = decide(type, purchase, "2024-09-01", a, b);

            assertThat(decision.discount()).contains(a);
            assertThat(decision.rule()).isEqualTo(Rule.D8_AT_ACCEPTANCE);
            assertThat(decision.evaluatedAt()).isEqualTo(at("2024-06-15"));
        }

        @Test
        void d8_renewalReEvaluatesAtTheRenewal() {
            Purchase renewal = renewed(purchase, "2025-06-15", "2026-06-15");

            DiscountDecision decision = decide(COMMITMENT, renewal, "2025-07-01", a, b);

            assertThat(decision.discount()).contains(b);
            assertThat(decision.rule()).isEqualTo(Rule.D8_AT_AMENDMENT_OR_RENEWAL);
            assertThat(decision.evaluatedAt()).isEqualTo(at("2025-06-15"));
        }

        @Test
        void d8_amendmentReEvaluatesAtTheAmendment() {
            DiscountDecision decision = decide(FLAT_FEE, amended(purchase, "2024-08-01"), "2024-09-01", a, b);

            assertThat(decision.discount()).contains(b);
            assertThat(decision.rule()).isEqualTo(Rule.D8_AT_AMENDMENT_OR_RENEWAL);
        }

        @Test
        void d8_usageTakesTheDiscountInEffectAtBilling() {
            assertThat(decide(USAGE, purchase, "2024-06-30T23:59:59Z", a, b).discount()).contains(a);

            DiscountDecision later = decide(USAGE, purchase, "2024-09-01", a, b);
            assertThat(later.discount()).contains(b);
            assertThat(later.rule()).isEqualTo(Rule.D8_AT_BILLING);
            assertThat(later.evaluatedAt()).isEqualTo(at("2024-09-01"));
        }

        @Test
        void d8_aDiscountStartingAfterAcceptanceNeverAltersAnUnchangedCommitment() {
            DiscountDecision decision = decide(COMMITMENT, accepted("2024-06-01"), "2024-09-01", b);

            assertThat(decision.discount()).isEmpty();
            assertThat(decision.rule()).isEqualTo(Rule.D8_AT_ACCEPTANCE);
            assertThat(decision.percent()).isEqualByComparingTo("0");
        }

        @Test
        void d8_aDiscountCancelledAfterAcceptanceIsStillKeptByTheCommitment() {
            // Cancelled on 2024-06-20: the history holds its actual interval, which contained the acceptance.
            DiscountTerm cancelled = discount("C", "12.50", "2024-06-01", "2024-06-20");

            assertThat(decide(COMMITMENT, purchase, "2024-12-01", cancelled).discount()).contains(cancelled);
            assertThat(decide(USAGE, purchase, "2024-12-01", cancelled).discount()).isEmpty();
        }
    }

    @Nested
    class BeforeTheCutOver {
        final DiscountTerm march = discount("M", "15", "2024-03-01", "2024-04-01");
        final Purchase purchase = accepted("2024-01-10");

        @ParameterizedTest
        @EnumSource(ChargeType.class)
        void d9_everySaleBilledInTheDiscountPeriodGetsIt(ChargeType type) {
            DiscountDecision decision = decide(type, purchase, "2024-03-15", march);

            assertThat(decision.discount()).contains(march);
            assertThat(decision.rule()).isEqualTo(Rule.D9_AT_BILLING);
            assertThat(decision.evaluatedAt()).isEqualTo(at("2024-03-15"));
        }

        @ParameterizedTest
        @EnumSource(ChargeType.class)
        void d9_salesBilledOutsideThePeriodDoNot(ChargeType type) {
            assertThat(decide(type, purchase, "2024-02-29T23:59:59Z", march).discount()).isEmpty();
            // Half-open: the end instant is no longer in the period.
            assertThat(decide(type, purchase, "2024-04-01", march).discount()).isEmpty();
        }
    }

    @Nested
    class AtTheCutOver {
        // Accepted before the cut-over; term 2024-01-10 .. 2025-01-10.
        final Purchase purchase = accepted("2024-01-10");
        final DiscountTerm atCutOver = discount("K", "10", "2024-05-01", "2024-06-01");
        final DiscountTerm newer = discount("N", "25", "2024-06-01", null);

        @ParameterizedTest
        @EnumSource(value = ChargeType.class, names = {"COMMITMENT", "FLAT_FEE"})
        void d10_discountInEffectAtCutOverKeepsItsValueForTheRestOfTheTerm(ChargeType type) {
            DiscountDecision decision = decide(type, purchase, "2025-01-09T23:59:59Z", atCutOver, newer);

            assertThat(decision.discount()).contains(atCutOver);
            assertThat(decision.rule()).isEqualTo(Rule.D10_AT_CUT_OVER);
            assertThat(decision.evaluatedAt()).isEqualTo(DiscountPolicy.CUT_OVER);
        }

        @Test
        void d10_usageOfTheSamePurchaseFollowsD8() {
            DiscountDecision decision = decide(USAGE, purchase, "2024-07-01", atCutOver, newer);

            assertThat(decision.discount()).contains(newer);
            assertThat(decision.rule()).isEqualTo(Rule.D8_AT_BILLING);
        }

        @Test
        void d10_renewalEndsTheKeptValueAndD8Applies() {
            Purchase renewal = renewed(purchase, "2025-01-10", "2026-01-10");

            DiscountDecision decision = decide(COMMITMENT, renewal, "2025-01-10", atCutOver, newer);

            assertThat(decision.discount()).contains(newer);
            assertThat(decision.rule()).isEqualTo(Rule.D8_AT_AMENDMENT_OR_RENEWAL);
        }

        @Test
        void d10_amendmentAfterTheCutOverEndsTheKeptValue() {
            DiscountDecision decision = decide(COMMITMENT, amended(purchase, "2024-07-01"), "2024-08-01", atCutOver,
                    newer);

            assertThat(decision.discount()).contains(newer);
            assertThat(decision.rule()).isEqualTo(Rule.D8_AT_AMENDMENT_OR_RENEWAL);
        }

        @Test
        void d10_afterTheTermEndsWithoutRenewalD8AtAcceptanceApplies() {
            // No discount was in effect at acceptance (2024-01-10).
            DiscountDecision decision = decide(COMMITMENT, purchase, "2025-01-10", atCutOver, newer);

            assertThat(decision.discount()).isEmpty();
            assertThat(decision.rule()).isEqualTo(Rule.D8_AT_ACCEPTANCE);
        }

        @Test
        void d10_noDiscountAtCutOverIsKeptToo() {
            // In effect at acceptance but ended under D9: not revived; the newer one does not alter the term (D8).
            DiscountTerm ended = discount("E", "30", "2024-01-01", "2024-05-10");

            DiscountDecision decision = decide(COMMITMENT, purchase, "2024-07-01", ended, newer);

            assertThat(decision.discount()).isEmpty();
            assertThat(decision.rule()).isEqualTo(Rule.D10_AT_CUT_OVER);
        }

        @Test
        void d10_termStartingAfterTheCutOverFollowsD8AtAcceptance() {
            // Accepted before the cut-over for a term that starts later: no term was running at the cut-over.
            Purchase futureDated = new Purchase(ISV, ACCOUNT, "offer-1", at("2024-05-15"), null, at("2024-06-01"),
                    at("2025-06-01"));
            DiscountTerm early = discount("X", "5", "2024-05-10", "2024-05-18");

            DiscountDecision decision = decide(COMMITMENT, futureDated, "2024-06-01", early, newer);

            assertThat(decision.discount()).contains(early);
            assertThat(decision.rule()).isEqualTo(Rule.D8_AT_ACCEPTANCE);
        }
    }

    @Nested
    class BoundaryOfTheCutOver {
        // D ends exactly at the cut-over, E starts exactly there (half-open intervals: no gap, no overlap).
        final DiscountTerm d = discount("D", "10", "2024-05-01", "2024-05-20");
        final DiscountTerm e = discount("E", "20", "2024-05-20", null);
        final Purchase purchase = accepted("2024-04-01");

        @ParameterizedTest
        @EnumSource(ChargeType.class)
        void d9_lastSecondBeforeTheCutOver(ChargeType type) {
            DiscountDecision decision = decide(type, purchase, "2024-05-19T23:59:59Z", d, e);

            assertThat(decision.discount()).contains(d);
            assertThat(decision.rule()).isEqualTo(Rule.D9_AT_BILLING);
        }

        @Test
        void d8_usageAtTheCutOverInstant() {
            DiscountDecision decision = decide(USAGE, purchase, "2024-05-20T00:00:00Z", d, e);

            assertThat(decision.discount()).contains(e);
            assertThat(decision.rule()).isEqualTo(Rule.D8_AT_BILLING);
        }

        @Test
        void d10_commitmentAtTheCutOverInstantKeepsWhatIsInEffectAtThatInstant() {
            DiscountDecision decision = decide(COMMITMENT, purchase, "2024-05-20T00:00:00Z", d, e);

            assertThat(decision.discount()).contains(e);
            assertThat(decision.rule()).isEqualTo(Rule.D10_AT_CUT_OVER);
        }
    }

    @Nested
    class OfferScope {
        final DiscountTerm general = discount("G", "5", "2024-06-01", null);
        final DiscountTerm offer1 = offerDiscount("O1", "15", "2024-06-01", null, "offer-1");
        final DiscountTerm offer2 = offerDiscount("O2", "40", "2024-06-01", null, "offer-2");

        Purchase through(String offerId) {
            return new Purchase(ISV, ACCOUNT, offerId, at("2024-06-10"), null, at("2024-06-10"), at("2025-06-10"));
        }

        @Test
        void d5_offerDiscountAppliesOnlyToPurchasesThroughThatOffer() {
            assertThat(decide(COMMITMENT, through("offer-1"), "2024-07-01", offer2).discount()).isEmpty();
            assertThat(decide(USAGE, through(null), "2024-07-01", offer1).discount()).isEmpty();
            assertThat(decide(USAGE, through("offer-2"), "2024-07-01", offer1, offer2).discount()).contains(offer2);
        }

        @Test
        void d5_generalDiscountCoversEveryPurchaseOnTheAccount() {
            assertThat(decide(COMMITMENT, through("offer-2"), "2024-07-01", general, offer1).discount())
                    .contains(general);
            assertThat(decide(USAGE, through(null), "2024-07-01", general).discount()).contains(general);
        }

        @Test
        void d5_offerDiscountWinsOverAGeneralOneInEffectAtTheSameInstant() {
            assertThat(decide(COMMITMENT, through("offer-1"), "2024-07-01", general, offer1).discount())
                    .contains(offer1);
        }

        @Test
        void d5_d9_scopeAppliesBeforeTheCutOverToo() {
            DiscountTerm old = offerDiscount("OLD", "10", "2024-01-01", "2024-03-01", "offer-9");
            Purchase purchase = new Purchase(ISV, ACCOUNT, "offer-1", at("2024-01-05"), null, at("2024-01-05"),
                    at("2025-01-05"));

            assertThat(decide(USAGE, purchase, "2024-02-01", old).discount()).isEmpty();
        }

        @Test
        void d4_otherIsvsAndAccountsAreIgnored() {
            DiscountTerm otherIsv = new DiscountTerm("I", "isv-2", ACCOUNT, "reseller-1", BigDecimal.TEN,
                    at("2024-01-01"), null, null);
            DiscountTerm otherAccount = new DiscountTerm("B", ISV, "ba-2", "reseller-1", BigDecimal.TEN,
                    at("2024-01-01"), null, null);

            assertThat(decide(USAGE, through(null), "2024-07-01", otherIsv, otherAccount).discount()).isEmpty();
        }

        @Test
        void d4_twoDiscountsOfTheSameScopeInEffectAtOnceAreRefused() {
            DiscountTerm overlapping = discount("G2", "7", "2024-06-15", null);

            assertThatThrownBy(() -> decide(USAGE, through(null), "2024-07-01", general, overlapping))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("D4")
                    .hasMessageContaining("G")
                    .hasMessageContaining("G2");
        }
    }

    @ParameterizedTest
    @EnumSource(ChargeType.class)
    void d8_d9_noDiscountKnownMeansNone(ChargeType type) {
        Purchase purchase = accepted("2024-01-10");

        assertThat(decide(type, purchase, "2024-03-01").discount()).isEqualTo(Optional.empty());
        assertThat(decide(type, purchase, "2024-09-01").discount()).isEqualTo(Optional.empty());
    }
}
