package io.channelhub.billing.domain.subscription;

import static io.channelhub.billing.domain.subscription.RefusalReason.*;

import io.channelhub.billing.domain.subscription.SubscriptionCommand.AddSeats;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.MoveToPayer;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.RemoveSeats;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.Renew;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.SetCap;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.StartPlan;
import io.channelhub.billing.domain.subscription.SubscriptionDecision.Accepted;
import io.channelhub.billing.domain.subscription.SubscriptionDecision.Refused;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.PlanPrice;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Decides subscription commands (B1, B3): accepted with the new state, or refused with reasons and nothing changed. */
public final class SubscriptionDecider {

    private SubscriptionDecider() {
    }

    /**
     * @param state the subscription, or null before its plan started
     * @param now   the command's instant (event time, never the wall clock)
     */
    public static SubscriptionDecision decide(SubscriptionCommand command, Subscription state, Instant now) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        if (command instanceof StartPlan start) {
            return state == null ? start(start, now)
                    : refused("subscription " + state.id() + " already started", ALREADY_STARTED);
        }
        if (state == null) {
            return refused("no plan started", NOT_STARTED);
        }
        if (now.isBefore(state.lastChangeAt())) {
            return refused(now + " is before the last change at " + state.lastChangeAt(), OUT_OF_ORDER);
        }
        if (command instanceof AddSeats add) {
            return addSeats(state, add.count(), now);
        }
        if (command instanceof RemoveSeats remove) {
            return removeSeats(state, remove.count(), now);
        }
        if (command instanceof SetCap setCap) {
            return setCap(state, setCap.cap());
        }
        if (command instanceof Renew renew) {
            return renew(state, renew.seats(), now);
        }
        MoveToPayer move = (MoveToPayer) command; // the last of the sealed interface
        if (blank(move.payerId()) || blank(move.billingAccountId())) {
            return refused("payer and billing account are required", MISSING_FIELD);
        }
        if (move.payerId().equals(state.payerId()) && move.billingAccountId().equals(state.billingAccountId())) {
            return refused("already paid by " + move.payerId(), SAME_PAYER);
        }
        return new Accepted(state.withPayer(now, move.payerId(), move.billingAccountId()));
    }

    private static SubscriptionDecision start(StartPlan start, Instant now) {
        List<RefusalReason> reasons = new ArrayList<>();
        List<String> details = new ArrayList<>();
        if (blank(start.subscriptionId()) || blank(start.billingAccountId()) || blank(start.payerId())
                || blank(start.isvId()) || blank(start.sku()) || start.plan() == null) {
            reasons.add(MISSING_FIELD);
            details.add("subscription, account, payer, ISV, SKU and plan are required");
        } else if (start.listPerUserYear() == null || start.marginPercent() == null) {
            reasons.add(PRICE_UNKNOWN); // B2
            details.add("no list price for " + start.sku() + " on " + start.plan() + ", or no margin for "
                    + start.payerId() + ", on prices.events");
        }
        if (start.seats() <= 0) {
            reasons.add(NOT_POSITIVE);
            details.add("seats must be positive: " + start.seats());
        }
        if (start.termEnd() != null && (start.plan() != Plan.ANNUAL || !start.termEnd().isAfter(now))) {
            reasons.add(INVALID_TERM);
            details.add("a term end is an Annual plan's, after its start: " + start.termEnd());
        }
        Money unitPrice = null;
        if (!reasons.contains(MISSING_FIELD) && !reasons.contains(PRICE_UNKNOWN)) {
            try {
                unitPrice = PlanPrice.perUserMonth(start.listPerUserYear(), start.marginPercent()); // B2
            } catch (IllegalArgumentException e) {
                reasons.add(INVALID_PRICE);
                details.add(e.getMessage());
            }
        }
        if (!reasons.isEmpty()) {
            return new Refused(reasons, String.join("; ", details));
        }
        boolean annual = start.plan() == Plan.ANNUAL;
        List<PayerChange> payer = List.of(new PayerChange(now, start.payerId(), start.billingAccountId()));
        // Flexible starts with no users (the customer adds them); its seats are the cap.
        return new Accepted(new Subscription(start.subscriptionId(), start.isvId(), start.sku(), start.offerId(),
                start.plan(), unitPrice, now, annual ? now : null,
                annual ? (start.termEnd() != null ? start.termEnd() : yearAfter(now)) : null,
                annual ? 0 : start.seats(), List.of(new SeatChange(now, annual ? start.seats() : 0)), payer,
                List.of()));
    }

    private static SubscriptionDecision addSeats(Subscription state, int count, Instant now) {
        if (count <= 0) {
            return refused("seats to add must be positive: " + count, NOT_POSITIVE);
        }
        int seats = state.seats() + count;
        if (state.plan() == Plan.ANNUAL) {
            if (!now.isBefore(state.termEnd())) {
                return refused("the term ended at " + state.termEnd() + "; renew first", TERM_ENDED);
            }
            return new Accepted(state.withSeats(now, seats, true)); // an amendment of the commitment (D8)
        }
        if (seats > state.cap()) {
            return refused(seats + " users would exceed the cap of " + state.cap(), ABOVE_CAP); // B3
        }
        return new Accepted(state.withSeats(now, seats, false));
    }

    private static SubscriptionDecision removeSeats(Subscription state, int count, Instant now) {
        if (count <= 0) {
            return refused("seats to remove must be positive: " + count, NOT_POSITIVE);
        }
        if (state.plan() == Plan.ANNUAL) { // B1, B3
            return refused(state.seats() + " licences are committed until " + state.termEnd()
                    + "; renew with fewer to reduce them", ANNUAL_REDUCTION_BEFORE_RENEWAL);
        }
        if (count > state.seats()) {
            return refused("only " + state.seats() + " users in use", MORE_THAN_IN_USE);
        }
        return new Accepted(state.withSeats(now, state.seats() - count, false));
    }

    private static SubscriptionDecision setCap(Subscription state, int cap) {
        if (state.plan() != Plan.FLEXIBLE) {
            return refused("only a Flexible plan has a cap", NOT_FLEXIBLE);
        }
        if (cap <= 0) {
            return refused("the cap must be positive: " + cap, NOT_POSITIVE);
        }
        if (cap < state.seats()) { // lowering the cap never removes users: that is the customer's call
            return refused(state.seats() + " users in use exceed the cap of " + cap, CAP_BELOW_SEATS_IN_USE);
        }
        return new Accepted(state.withCap(cap));
    }

    private static SubscriptionDecision renew(Subscription state, int seats, Instant now) {
        if (state.plan() != Plan.ANNUAL) {
            return refused("only an Annual plan is renewed", NOT_ANNUAL);
        }
        if (seats <= 0) {
            return refused("seats must be positive: " + seats, NOT_POSITIVE);
        }
        if (now.isBefore(state.termEnd())) {
            return refused("the term runs until " + state.termEnd(), TERM_STILL_RUNNING);
        }
        Subscription renewed = state;
        if (now.isAfter(state.termEnd())) { // a late renewal: nothing is committed, so nothing billed, in between
            renewed = renewed.withSeats(state.termEnd(), 0, false);
        }
        return new Accepted(renewed.withTerm(now, yearAfter(now)).withSeats(now, seats, true));
    }

    private static Instant yearAfter(Instant start) {
        return start.atOffset(ZoneOffset.UTC).plusMonths(12).toInstant();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Refused refused(String detail, RefusalReason reason) {
        return new Refused(List.of(reason), detail);
    }
}
