package io.channelhub.billing.domain.subscription;

import io.channelhub.pricing.Money;
import io.channelhub.pricing.Purchase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A customer's postpaid subscription (B1) with the history billing needs: seat counts and payers over time, and the
 * amendments that re-evaluate a commitment's discount (D8).
 *
 * @param offerId     the private offer it was bought through (D5), or null
 * @param unitPrice   per user per month (B2), fixed when the plan starts
 * @param termStart   Annual: start of the current 12-month term; null for Flexible
 * @param termEnd     Annual: end of the current term, exclusive; null for Flexible
 * @param cap         Flexible: the reseller's seat cap; 0 for Annual, which has none
 * @param seatChanges in time order, the first at acceptance
 * @param payerChanges in time order, the first at acceptance
 * @param amendments  in time order: Annual seat additions, renewals and transfers (D8 re-evaluates there)
 */
public record Subscription(String id, String isvId, String sku, String offerId, Plan plan, Money unitPrice,
                           Instant acceptedAt, Instant termStart, Instant termEnd, int cap,
                           List<SeatChange> seatChanges, List<PayerChange> payerChanges, List<Instant> amendments) {

    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(isvId, "isvId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        seatChanges = List.copyOf(seatChanges);
        payerChanges = List.copyOf(payerChanges);
        amendments = List.copyOf(amendments);
        if (seatChanges.isEmpty() || payerChanges.isEmpty()) {
            throw new IllegalArgumentException("Subscription " + id + " needs its seats and payer at acceptance");
        }
        if (plan == Plan.ANNUAL && (termStart == null || termEnd == null || !termEnd.isAfter(termStart))) {
            throw new IllegalArgumentException("Annual subscription " + id + " needs a term");
        }
        int seats = seatChanges.get(seatChanges.size() - 1).seats(); // fields are not assigned yet
        if (plan == Plan.FLEXIBLE && seats > cap) {
            throw new IllegalArgumentException("Subscription " + id + " has " + seats + " users above its cap " + cap);
        }
    }

    /** Licences committed (Annual) or users in use (Flexible), now. */
    public int seats() {
        return seatChanges.get(seatChanges.size() - 1).seats();
    }

    public String payerId() {
        return payerChanges.get(payerChanges.size() - 1).payerId();
    }

    public String billingAccountId() {
        return payerChanges.get(payerChanges.size() - 1).billingAccountId();
    }

    /** The latest instant in the histories: a command stamped earlier would reorder them. */
    public Instant lastChangeAt() {
        Instant seat = seatChanges.get(seatChanges.size() - 1).at();
        Instant payer = payerChanges.get(payerChanges.size() - 1).at();
        return seat.isAfter(payer) ? seat : payer;
    }

    /**
     * The purchase as the discount rules see it (D5, D8, D10) for the days paid under {@code payerChanges[holding]}:
     * that holding's account, and the amendments made before the next payer took over. The term is the current one.
     */
    public Purchase purchaseFor(int holding) {
        PayerChange payer = payerChanges.get(holding);
        Instant until = holding + 1 < payerChanges.size() ? payerChanges.get(holding + 1).at() : null;
        Instant lastAmended = amendments.stream().filter(a -> until == null || a.isBefore(until))
                .reduce((first, second) -> second).orElse(null);
        boolean annual = plan == Plan.ANNUAL;
        // Flexible has no term: its usage discount is taken at billing anyway (D8), the open term just says so.
        return new Purchase(isvId, payer.billingAccountId(), offerId, acceptedAt, lastAmended,
                annual ? termStart : acceptedAt, annual ? termEnd : null);
    }

    Subscription withSeats(Instant at, int seats, boolean amendment) {
        return new Subscription(id, isvId, sku, offerId, plan, unitPrice, acceptedAt, termStart, termEnd, cap,
                appended(seatChanges, new SeatChange(at, seats)), payerChanges,
                amendment ? appended(amendments, at) : amendments);
    }

    Subscription withCap(int newCap) {
        return new Subscription(id, isvId, sku, offerId, plan, unitPrice, acceptedAt, termStart, termEnd, newCap,
                seatChanges, payerChanges, amendments);
    }

    Subscription withTerm(Instant start, Instant end) {
        return new Subscription(id, isvId, sku, offerId, plan, unitPrice, acceptedAt, start, end, cap,
                seatChanges, payerChanges, amendments);
    }

    Subscription withPayer(Instant at, String payerId, String billingAccountId) {
        return new Subscription(id, isvId, sku, offerId, plan, unitPrice, acceptedAt, termStart, termEnd, cap,
                seatChanges, appended(payerChanges, new PayerChange(at, payerId, billingAccountId)),
                appended(amendments, at));
    }

    private static <T> List<T> appended(List<T> list, T element) {
        List<T> copy = new ArrayList<>(list);
        copy.add(element);
        return copy;
    }
}
