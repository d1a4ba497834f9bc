package io.channelhub.billing.domain.charge;

import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.billing.domain.subscription.SeatChange;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.pricing.Purchase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A subscription's charges for one calendar month in UTC (B1), per payer. Everything is counted in whole UTC days
 * and billed pro rata over the days of the month, so a full month is exactly one instalment:
 * <ul>
 *   <li>a day belongs to the payer holding the subscription at its end: a transfer's day goes to the new payer;</li>
 *   <li>Annual: the licences committed at the end of the day (seats added are billed from the day they are added,
 *       a term's last day is the day before its end); one line per seat block, so the instalment stays
 *       seats × unit price and additions are separate pro-rata lines;</li>
 *   <li>Flexible: the most users in use at any moment of the day; one line per payer, Σ seats-per-day.</li>
 * </ul>
 * Compute from the subscription as it stands when the invoice is issued.
 */
public final class MonthlyCharges {

    private static final long DAY_SECONDS = 86_400;

    private MonthlyCharges() {
    }

    public static List<SubscriptionCharge> of(Subscription subscription, YearMonth month) {
        int days = month.lengthOfMonth();
        int[] holder = new int[days]; // index into payerChanges, -1 before acceptance
        int[] seats = new int[days];
        // a UTC day is 86,400 s; the days' bounds are counted from the month's first, not each made from a date
        Instant first = startOf(month.atDay(1));
        long termEndDay = subscription.plan() == Plan.ANNUAL
                ? LocalDate.ofInstant(subscription.termEnd(), ZoneOffset.UTC).toEpochDay() : Long.MAX_VALUE;
        long firstDay = month.atDay(1).toEpochDay();
        for (int i = 0; i < days; i++) {
            Instant from = first.plusSeconds(DAY_SECONDS * i);
            Instant to = from.plusSeconds(DAY_SECONDS);
            holder[i] = lastBefore(subscription, to);
            seats[i] = holder[i] < 0 ? 0 : billableSeats(subscription, firstDay + i < termEndDay, from, to);
        }
        List<SubscriptionCharge> charges = new ArrayList<>();
        for (int holding = 0; holding < subscription.payerChanges().size(); holding++) {
            int[] held = new int[days]; // the seats of this payer's days, 0 on the others'
            for (int i = 0; i < days; i++) {
                held[i] = holder[i] == holding ? seats[i] : 0;
            }
            charges.addAll(subscription.plan() == Plan.ANNUAL ? annual(subscription, month, holding, held)
                    : flexible(subscription, month, holding, held, holder));
        }
        charges.sort(Comparator.comparing(SubscriptionCharge::firstDay).thenComparing(SubscriptionCharge::kind));
        return charges;
    }

    /** {@code inTerm}: for Annual, whether the day is before the term's end (a term's last day is the day before). */
    private static int billableSeats(Subscription subscription, boolean inTerm, Instant from, Instant to) {
        int atStart = 0;
        int atEnd = 0;
        int max = 0;
        for (SeatChange change : subscription.seatChanges()) {
            if (!change.at().isAfter(from)) {
                atStart = change.seats();
            } else if (change.at().isBefore(to)) {
                max = Math.max(max, change.seats());
            }
            if (change.at().isBefore(to)) {
                atEnd = change.seats();
            }
        }
        if (subscription.plan() == Plan.ANNUAL) {
            return inTerm ? atEnd : 0;
        }
        return Math.max(atStart, max);
    }

    /**
     * Splits the daily counts into seat blocks (a skyline): each block is a number of seats held over a run of
     * days. 10 seats all month with 2 added on the 16th of 31 days are 10 × 31 and 2 × 16 seat-days.
     */
    private static List<SubscriptionCharge> annual(Subscription subscription, YearMonth month, int holding,
                                                   int[] held) {
        int firstBilled = 0; // the payer's first day with seats: its instalment starts there, later blocks are added
        while (firstBilled < held.length && held[firstBilled] == 0) {
            firstBilled++;
        }
        List<SubscriptionCharge> charges = new ArrayList<>();
        Deque<int[]> open = new ArrayDeque<>(); // {low, high, first day index}, highest on top
        int level = 0;
        for (int i = 0; i <= held.length; i++) {
            int count = i < held.length ? held[i] : 0;
            while (level > count) {
                int[] top = open.pop();
                int low = Math.max(top[0], count);
                ChargeKind kind = top[2] == firstBilled ? ChargeKind.ANNUAL_INSTALMENT : ChargeKind.ANNUAL_SEATS_ADDED;
                charges.add(charge(subscription, month, holding, kind, top[2], i - 1, (level - low) * (i - top[2])));
                if (top[0] < count) {
                    open.push(new int[] {top[0], count, top[2]});
                }
                level = low;
            }
            if (count > level) {
                open.push(new int[] {level, count, i});
                level = count;
            }
        }
        return charges;
    }

    private static List<SubscriptionCharge> flexible(Subscription subscription, YearMonth month, int holding,
                                                     int[] held, int[] holder) {
        int seatDays = 0;
        int first = -1;
        int last = -1;
        for (int i = 0; i < held.length; i++) {
            seatDays += held[i];
            if (holder[i] == holding) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        // No users all month: no line rather than a zero one.
        return seatDays == 0 ? List.of()
                : List.of(charge(subscription, month, holding, ChargeKind.FLEXIBLE_USAGE, first, last, seatDays));
    }

    private static SubscriptionCharge charge(Subscription subscription, YearMonth month, int holding, ChargeKind kind,
                                             int firstIndex, int lastIndex, int seatDays) {
        Purchase purchase = subscription.purchaseFor(holding);
        return new SubscriptionCharge(subscription.id(), subscription.sku(),
                subscription.payerChanges().get(holding).payerId(), month, kind, month.atDay(firstIndex + 1),
                month.atDay(lastIndex + 1), seatDays, subscription.unitPrice(), purchase);
    }

    private static int lastBefore(Subscription subscription, Instant instant) {
        int index = -1;
        for (int i = 0; i < subscription.payerChanges().size(); i++) {
            if (subscription.payerChanges().get(i).at().isBefore(instant)) {
                index = i;
            }
        }
        return index;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
