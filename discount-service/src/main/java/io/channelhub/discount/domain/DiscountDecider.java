package io.channelhub.discount.domain;

import io.channelhub.common.event.EventMeta;
import io.channelhub.discount.event.DiscountAcceptanceSubmitted;
import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountAction;
import io.channelhub.discount.event.DiscountActionRefused;
import io.channelhub.discount.event.DiscountCancellationRequested;
import io.channelhub.discount.event.DiscountCancelled;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountLapsed;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.event.DiscountRefusal;
import io.channelhub.discount.event.DiscountRefused;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.discount.event.DiscountTerms;
import io.channelhub.discount.event.OfferPlanUse;
import io.channelhub.discount.state.Discount;
import io.channelhub.discount.state.DiscountBook;
import io.channelhub.discount.state.DiscountStatus;
import io.channelhub.platform.decider.Decider;
import io.channelhub.platform.decider.Decision;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.directory.Directory.BillingAccount;
import io.channelhub.platform.directory.Directory.Organisation;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.schemas.Records;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;

/**
 * The discount rules (D1–D5) for one ISV's discounts through one reseller, kept together so that D4's overlap
 * check needs no other partition. Pure: time is the command's own, ids derive from the cause (deadline events
 * from the discount and the deadline), so a replay decides identically. The caller fires due deadlines
 * ({@link #deadlines}) before every command, so an acceptance that arrives on the start date finds the discount
 * lapsed, tick or no tick.
 */
public final class DiscountDecider implements Decider<DiscountBook, Directory> {

    public static final String PRODUCER = "discount-service";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Still to start or in effect: what D4 compares a new request with, and what can be cancelled. */
    private static final Set<DiscountStatus> LIVE = Set.of(DiscountStatus.PROPOSED, DiscountStatus.ACCEPTED,
            DiscountStatus.IN_EFFECT);

    @Override
    public boolean accepts(SpecificRecord command) {
        return command instanceof DiscountConfigurationRequested || command instanceof DiscountAcceptanceSubmitted
                || command instanceof DiscountCancellationRequested;
    }

    /** D1–D4: every reason a configuration was refused, or the one an acceptance or cancellation was. */
    @Override
    public List<String> refusalReasons(SpecificRecord event) {
        if (event instanceof DiscountRefused refused) {
            return refused.getReasons().stream().map(DiscountRefusal::getCode).toList();
        }
        if (event instanceof DiscountActionRefused refused) {
            return List.of(refused.getReason().getCode());
        }
        return List.of();
    }

    public static DiscountBook empty() {
        return new DiscountBook(new ArrayList<>());
    }

    /** The next instant at which a discount of the book lapses, starts or ends by itself. */
    @Override
    public Optional<Instant> nextDeadline(DiscountBook book) {
        return book == null ? Optional.empty() : book.getDiscounts().stream().map(DiscountDecider::deadline)
                .flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    @Override
    public Decision<DiscountBook> decide(SpecificRecord command, DiscountBook book, Directory directory,
            Instant now) {
        DiscountBook current = book == null ? empty() : book;
        if (command instanceof DiscountConfigurationRequested request) {
            return configure(request, current, directory, now);
        }
        if (command instanceof DiscountAcceptanceSubmitted acceptance) {
            return accept(acceptance, current, now);
        }
        if (command instanceof DiscountCancellationRequested cancellation) {
            return cancel(cancellation, current, now);
        }
        return Decision.nothing();
    }

    /** D3: every lapse, start and end due by {@code now}, in time order; their ids derive from the discount. */
    @Override
    public Decision<DiscountBook> deadlines(DiscountBook book, Directory directory, EventMeta cause,
            Instant now) {
        if (book == null) {
            return Decision.nothing();
        }
        List<SpecificRecord> events = new ArrayList<>();
        List<Discount> discounts = new ArrayList<>(book.getDiscounts());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < discounts.size(); i++) {
                Discount d = discounts.get(i);
                Optional<Instant> due = deadline(d).filter(at -> !at.isAfter(now));
                if (due.isPresent()) {
                    discounts.set(i, fire(d, due.get(), events));
                    changed = true;
                }
            }
        }
        return events.isEmpty() ? Decision.nothing() : new Decision<>(events, new DiscountBook(discounts));
    }

    // D1, D2, D4, D5
    private Decision<DiscountBook> configure(DiscountConfigurationRequested request, DiscountBook book, Directory directory,
            Instant now) {
        String discountId = EventIds.derive(request.getMeta().getEventId(), "Discount", 0);
        if (find(book, discountId).isPresent()) {
            // X2: a request replayed after its id left the dedupe window; the discount it made is the answer
            return Decision.nothing();
        }
        List<DiscountRefusal> reasons = new ArrayList<>();
        BigDecimal percent = request.getPercent();
        if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0 || percent.stripTrailingZeros().scale() > 2) {
            reasons.add(RefusalCode.PERCENT_OUT_OF_RANGE.refusal(percent.toPlainString()));
        }
        if (request.getEndsAt() != null && !request.getEndsAt().isAfter(request.getStartsAt())) {
            reasons.add(RefusalCode.END_NOT_AFTER_START.refusal());
        }
        if (!request.getStartsAt().isAfter(now)) {
            reasons.add(RefusalCode.START_NOT_IN_FUTURE.refusal());
        }
        Optional<Organisation> isv = directory.isv(request.getIsvId());
        if (isv.isEmpty()) {
            reasons.add(RefusalCode.ISV_UNKNOWN.refusal(request.getIsvId()));
        } else if (!directory.resaleEnabled(request.getIsvId())) {
            reasons.add(RefusalCode.RESALE_NOT_ENABLED.refusal(request.getIsvId()));
        }
        Optional<Organisation> reseller = directory.reseller(request.getResellerId());
        if (reseller.isEmpty()) {
            reasons.add(RefusalCode.RESELLER_UNKNOWN.refusal(request.getResellerId()));
        }
        Optional<BillingAccount> account = Optional.empty();
        boolean multiUse = request.getOfferPlan() != null && request.getOfferPlan().getUse() == OfferPlanUse.MULTI_USE;
        if (request.getBillingAccountId() == null) {
            if (!multiUse) {
                reasons.add(RefusalCode.ACCOUNT_REQUIRED.refusal());
            }
        } else {
            account = directory.account(request.getBillingAccountId());
            if (account.isEmpty()) {
                reasons.add(RefusalCode.ACCOUNT_UNKNOWN.refusal(request.getBillingAccountId()));
            } else if (!request.getResellerId().equals(account.get().resellerId())) {
                reasons.add(RefusalCode.ACCOUNT_NOT_OF_RESELLER.refusal(request.getBillingAccountId()));
            }
        }
        if (reasons.isEmpty()) {
            DiscountTerms terms = DiscountTerms.newBuilder()
                    .setDiscountId(discountId)
                    .setIsvId(request.getIsvId())
                    .setIsvName(isv.get().name())
                    .setIsvEmail(isv.get().contactEmail())
                    .setResellerId(request.getResellerId())
                    .setResellerName(reseller.get().name())
                    .setResellerEmail(reseller.get().contactEmail())
                    .setBillingAccountId(request.getBillingAccountId())
                    .setCustomerName(account.map(BillingAccount::customerName).orElse(null))
                    .setPercent(percent.setScale(2))
                    .setStartsAt(request.getStartsAt())
                    .setEndsAt(request.getEndsAt())
                    .setOfferPlan(request.getOfferPlan())
                    .build();
            book.getDiscounts().stream().filter(d -> LIVE.contains(d.getStatus()) && overlap(d.getTerms(), terms))
                    .findFirst()
                    .ifPresent(d -> reasons.add(RefusalCode.OVERLAPS.refusal(d.getTerms().getDiscountId())));
            if (reasons.isEmpty()) {
                List<Discount> discounts = new ArrayList<>(book.getDiscounts());
                discounts.add(Discount.newBuilder().setTerms(terms).setStatus(DiscountStatus.PROPOSED)
                        .setPrivateNotes(request.getPrivateNotes()).setProposedAt(now).build());
                return new Decision<>(List.of(new DiscountProposed(meta(request.getMeta(), "DiscountProposed"),
                        terms, now)), new DiscountBook(discounts));
            }
        }
        return Decision.only(new DiscountRefused(meta(request.getMeta(), "DiscountRefused"),
                request.getMeta().getEventId(), request.getIsvId(), request.getResellerId(),
                request.getBillingAccountId(), reasons));
    }

    /**
     * D4, D5: same ISV (the book's), the same scope (same offer plan or both general) and customers in common
     * (the same account, or a multi-use plan's "every customer"), and intervals that meet.
     */
    private static boolean overlap(DiscountTerms a, DiscountTerms b) {
        String offerA = a.getOfferPlan() == null ? null : a.getOfferPlan().getOfferId();
        String offerB = b.getOfferPlan() == null ? null : b.getOfferPlan().getOfferId();
        boolean sameCustomers = a.getBillingAccountId() == null || b.getBillingAccountId() == null
                || a.getBillingAccountId().equals(b.getBillingAccountId());
        return Objects.equals(offerA, offerB) && sameCustomers
                && before(a.getStartsAt(), b.getEndsAt()) && before(b.getStartsAt(), a.getEndsAt());
    }

    private static boolean before(Instant start, Instant end) {
        return end == null || start.isBefore(end);
    }

    // D3: only the discount's reseller, only while proposed; a repeat changes nothing
    private Decision<DiscountBook> accept(DiscountAcceptanceSubmitted acceptance, DiscountBook book, Instant now) {
        Optional<Discount> found = find(book, acceptance.getDiscountId());
        if (found.isEmpty()) {
            return refuse(acceptance.getMeta(), acceptance.getDiscountId(), DiscountAction.ACCEPT,
                    RefusalCode.UNKNOWN_DISCOUNT);
        }
        Discount discount = found.get();
        if (!discount.getTerms().getResellerId().equals(acceptance.getResellerId())) {
            return refuse(acceptance.getMeta(), acceptance.getDiscountId(), DiscountAction.ACCEPT,
                    RefusalCode.NOT_THE_RESELLER);
        }
        if (discount.getStatus() == DiscountStatus.ACCEPTED || discount.getStatus() == DiscountStatus.IN_EFFECT) {
            return Decision.nothing();
        }
        if (discount.getStatus() != DiscountStatus.PROPOSED) {
            return refuse(acceptance.getMeta(), acceptance.getDiscountId(), DiscountAction.ACCEPT,
                    RefusalCode.NOT_PROPOSED);
        }
        Discount accepted = Records.with(discount, next -> {
            next.setStatus(DiscountStatus.ACCEPTED);
            next.setAcceptedAt(now);
        });
        return new Decision<>(List.of(new DiscountAccepted(meta(acceptance.getMeta(), "DiscountAccepted"),
                discount.getTerms(), now)), replace(book, accepted));
    }

    // D3: the ISV, at any time while the discount is still to start or in effect
    private Decision<DiscountBook> cancel(DiscountCancellationRequested cancellation, DiscountBook book, Instant now) {
        Optional<Discount> found = find(book, cancellation.getDiscountId());
        if (found.isEmpty()) {
            return refuse(cancellation.getMeta(), cancellation.getDiscountId(), DiscountAction.CANCEL,
                    RefusalCode.UNKNOWN_DISCOUNT);
        }
        Discount discount = found.get();
        if (!discount.getTerms().getIsvId().equals(cancellation.getIsvId())) {
            return refuse(cancellation.getMeta(), cancellation.getDiscountId(), DiscountAction.CANCEL,
                    RefusalCode.NOT_THE_ISV);
        }
        if (discount.getStatus() == DiscountStatus.CANCELLED) {
            return Decision.nothing();
        }
        if (!LIVE.contains(discount.getStatus())) {
            return refuse(cancellation.getMeta(), cancellation.getDiscountId(), DiscountAction.CANCEL,
                    RefusalCode.ALREADY_CLOSED);
        }
        boolean wasInEffect = discount.getStatus() == DiscountStatus.IN_EFFECT;
        Discount cancelled = closed(discount, DiscountStatus.CANCELLED, now);
        return new Decision<>(List.of(new DiscountCancelled(meta(cancellation.getMeta(), "DiscountCancelled"),
                discount.getTerms(), now, wasInEffect)), replace(book, cancelled));
    }

    /** When the discount next changes by itself: lapse or start at startsAt, end at endsAt. */
    private static Optional<Instant> deadline(Discount discount) {
        return switch (discount.getStatus()) {
            case PROPOSED, ACCEPTED -> Optional.of(discount.getTerms().getStartsAt());
            case IN_EFFECT -> Optional.ofNullable(discount.getTerms().getEndsAt());
            default -> Optional.empty();
        };
    }

    /** The discount after its deadline {@code at}; the event is stamped with the deadline, not the tick. */
    private static Discount fire(Discount discount, Instant at, List<SpecificRecord> events) {
        DiscountTerms terms = discount.getTerms();
        return switch (discount.getStatus()) {
            case PROPOSED -> {
                events.add(new DiscountLapsed(deadlineMeta(terms, "DiscountLapsed", at), terms, at));
                yield closed(discount, DiscountStatus.LAPSED, at);
            }
            case ACCEPTED -> {
                events.add(new DiscountStarted(deadlineMeta(terms, "DiscountStarted", at), terms, at));
                yield Records.with(discount, next -> next.setStatus(DiscountStatus.IN_EFFECT));
            }
            case IN_EFFECT -> {
                events.add(new DiscountEnded(deadlineMeta(terms, "DiscountEnded", at), terms, at));
                yield closed(discount, DiscountStatus.ENDED, at);
            }
            default -> discount;
        };
    }

    private static Discount closed(Discount discount, DiscountStatus status, Instant at) {
        return Records.with(discount, next -> {
            next.setStatus(status);
            next.setClosedAt(at);
        });
    }

    private static Decision<DiscountBook> refuse(EventMeta cause, String discountId, DiscountAction action, RefusalCode code) {
        return Decision.only(new DiscountActionRefused(meta(cause, "DiscountActionRefused"), cause.getEventId(),
                discountId, action, code.refusal()));
    }

    private static Optional<Discount> find(DiscountBook book, String discountId) {
        return book.getDiscounts().stream().filter(d -> d.getTerms().getDiscountId().equals(discountId)).findFirst();
    }

    private static DiscountBook replace(DiscountBook book, Discount changed) {
        List<Discount> discounts = new ArrayList<>(book.getDiscounts());
        discounts.replaceAll(d -> d.getTerms().getDiscountId().equals(changed.getTerms().getDiscountId())
                ? changed : d);
        return new DiscountBook(discounts);
    }

    private static EventMeta meta(EventMeta cause, String kind) {
        return EventIds.causedBy(cause, kind, 0, PRODUCER);
    }

    /** A deadline's event id derives from the discount and the deadline, so whichever tick fires it, it is one. */
    private static EventMeta deadlineMeta(DiscountTerms terms, String kind, Instant at) {
        return EventMeta.newBuilder()
                .setEventId(EventIds.derive(terms.getDiscountId(), kind, 0))
                .setCorrelationId(terms.getDiscountId())
                .setOccurredAt(at)
                .setProducer(PRODUCER)
                .build();
    }
}
