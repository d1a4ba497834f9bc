package io.channelhub.billing.domain.invoice;

import io.channelhub.billing.domain.Producer;
import io.channelhub.billing.domain.migration.MigrationState;
import io.channelhub.billing.domain.subscription.PriceList;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.domain.subscription.SubscriptionCommand;
import io.channelhub.billing.domain.subscription.SubscriptionCommand.StartPlan;
import io.channelhub.billing.domain.subscription.SubscriptionDecider;
import io.channelhub.billing.domain.subscription.SubscriptionDecision;
import io.channelhub.billing.domain.subscription.SubscriptionSnapshots;
import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.CreditNoteIssued;
import io.channelhub.billing.event.CreditNoteRefused;
import io.channelhub.billing.event.CreditNoteRequested;
import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.billing.event.InvoiceNotIssued;
import io.channelhub.billing.event.SubscriptionChangeRequested;
import io.channelhub.billing.event.SubscriptionHandedOver;
import io.channelhub.billing.event.SubscriptionPlanChosen;
import io.channelhub.billing.event.SubscriptionRefused;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.common.event.EventMeta;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.migration.event.PrepaidInvoiceIssued;
import io.channelhub.platform.decider.Decider;
import io.channelhub.platform.decider.Decision;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.DiscountTerm;
import io.channelhub.schemas.Events;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * A payer's billing as a {@link Decider} (B1, B2, B4, B6, B7), its aggregate the {@link PayerBook}: plans and
 * changes are decided by {@link SubscriptionDecider} and bring the month-end run back to their month; a transfer
 * hands a subscription to its new payer; a correction becomes a credit note or its refusal
 * ({@link CreditNoteDecider}); a migration that just happened ends its month with a run (B7). The deadline is the
 * month-end run ({@link MonthEndRun}): every month that ended and is not invoiced gets its invoice, with the
 * discounts (D6, D8–D10) and the migration credit left (B6), then the migration month's prepaid invoice (B7). An
 * issued invoice's lines go to its ISVs' payout statements, as do a credit note's.
 */
public final class PayerBilling implements Decider<PayerBook, PayerBilling.Facts> {

    /** What a payer's rules read besides its book; written by other processors, or reference data. */
    public interface Facts {

        /** B2: list prices and the payer's margin. */
        PriceList prices();

        /** The payer as the directory knows it (its name and address on the invoice). */
        Optional<Directory.Organisation> payer(String payerId);

        /** B5–B7: the payer's migration, as the migration keeps it; null if it did not migrate. */
        MigrationState migration(String payerId);

        /** D8–D10: the discounts given through the payer, as the intervals they were in effect. */
        List<DiscountTerm> terms(String payerId);

        /** D6: each ISV's revenue share. */
        RevenueShares revenueShares();
    }

    @Override
    public boolean accepts(SpecificRecord command) {
        return command instanceof SubscriptionPlanChosen || command instanceof SubscriptionChangeRequested
                || command instanceof EntitlementMoved || command instanceof SubscriptionHandedOver
                || command instanceof CreditNoteRequested || command instanceof MigrationRequested;
    }

    /** The payer a command is for: the old reseller of a transfer, the new one of a handover. */
    @Override
    public String aggregateId(SpecificRecord command, String recordKey) {
        if (command instanceof SubscriptionPlanChosen chosen) {
            return chosen.getPayerId();
        }
        if (command instanceof SubscriptionChangeRequested change) {
            return change.getPayerId();
        }
        if (command instanceof EntitlementMoved moved) {
            return moved.getFromResellerId();
        }
        if (command instanceof SubscriptionHandedOver handover) {
            return handover.getToPayerId();
        }
        if (command instanceof CreditNoteRequested request) {
            return request.getPayerId();
        }
        return ((MigrationRequested) command).getResellerId();
    }

    @Override
    public Decision<PayerBook> decide(SpecificRecord command, PayerBook state, Facts facts, Instant now) {
        String payerId = aggregateId(command, null);
        PayerBook book = state != null ? state : PayerBook.of(payerId, null, PayerBook.Kept.NOTHING);
        EventMeta cause = Events.meta(command);
        if (command instanceof SubscriptionPlanChosen chosen) {
            String kind = chosen.getCustomerKind() != null && chosen.getProductType() != null
                    ? chosen.getCustomerKind() + "|" + chosen.getProductType() : null;
            return subscription(book, cause, chosen.getSubscriptionId(), StartPlan.chosen(chosen, facts.prices()),
                    kind, now);
        }
        if (command instanceof SubscriptionChangeRequested change) {
            return subscription(book, cause, change.getSubscriptionId(), switch (change.getChange()) {
                case ADD_SEATS -> new SubscriptionCommand.AddSeats(change.getCount());
                case REMOVE_SEATS -> new SubscriptionCommand.RemoveSeats(change.getCount());
                case SET_CAP -> new SubscriptionCommand.SetCap(change.getCount());
                case RENEW -> new SubscriptionCommand.Renew(change.getCount());
            }, null, now);
        }
        if (command instanceof EntitlementMoved moved) {
            return handOver(book, moved, now);
        }
        if (command instanceof SubscriptionHandedOver handover) {
            Subscription subscription = SubscriptionSnapshots.subscription(handover);
            Instant from = subscription.payerChanges().get(subscription.payerChanges().size() - 1).at();
            return Decision.of(book.withSubscription(subscription, null)
                    .withLedger(PayerLedger.billingFrom(book.ledger(), from)), updated(cause, payerId, subscription));
        }
        if (command instanceof CreditNoteRequested request) {
            return creditNote(book, request);
        }
        // B7: a reseller that just migrated ends its migration month with a run, whatever its plans become
        MigrationState migrated = facts.migration(payerId);
        if (migrated == null || !migrated.migratedAt().equals(now)) {
            return Decision.nothing();
        }
        return Decision.of(book.withLedger(PayerLedger.billingFrom(book.ledger(), migrated.migratedAt())));
    }

    /** B4, B6, B7: the month-end run, when the first month not invoiced has ended. */
    @Override
    public Decision<PayerBook> deadlines(PayerBook book, Facts facts, EventMeta cause, Instant now) {
        if (nextDeadline(book).filter(at -> !at.isAfter(now)).isEmpty()) {
            return Decision.nothing();
        }
        String payerId = book.payerId();
        Optional<Directory.Organisation> payer = facts.payer(payerId);
        List<Subscription> held = book.subscriptions();
        MonthEndRun.Outcome run = MonthEndRun.run(payerId, book.ledger(), new MonthEndRun.Facts(
                payer.map(Directory.Organisation::name).orElse(null),
                payer.map(Directory.Organisation::contactEmail).orElse(null), held, book.kinds(held),
                facts.migration(payerId), facts.terms(payerId), facts.revenueShares(),
                month -> book.invoice(month).isPresent()), now);
        PayerBook after = book.withLedger(run.ledger()).withoutSubscriptions(run.letGo());
        List<SpecificRecord> events = new ArrayList<>();
        for (SpecificRecord event : run.events()) {
            events.add(event);
            if (event instanceof InvoiceIssued invoice) {
                after = after.withIssued(invoice);
                events.addAll(InvoiceEvents.byIsv(invoice)); // D6: its lines to each ISV's statement
            } else if (event instanceof PrepaidInvoiceIssued prepaid) {
                after = after.withPrepaid(prepaid);
            }
        }
        return new Decision<>(events, after);
    }

    @Override
    public Optional<Instant> nextDeadline(PayerBook book) {
        return book == null || book.ledger() == null ? Optional.empty() : Optional.of(book.ledger().nextRun());
    }

    @Override
    public List<String> refusalReasons(SpecificRecord event) {
        if (event instanceof SubscriptionRefused refused) {
            return refused.getReasons();
        }
        if (event instanceof CreditNoteRefused refused) {
            return List.of(refused.getCode());
        }
        return event instanceof InvoiceNotIssued refused ? List.of(refused.getCode()) : List.of();
    }

    /** B1, B2: a plan or a change, decided; an accepted one is billed from its start on (B4). */
    private static Decision<PayerBook> subscription(PayerBook book, EventMeta cause, String subscriptionId,
            SubscriptionCommand command, String kind, Instant now) {
        SubscriptionDecision decision = SubscriptionDecider.decide(command,
                book.subscription(subscriptionId).orElse(null), now);
        if (decision instanceof SubscriptionDecision.Refused refused) {
            return refused(cause, book.payerId(), subscriptionId, refused);
        }
        Subscription after = ((SubscriptionDecision.Accepted) decision).state();
        return Decision.of(book.withSubscription(after, kind)
                .withLedger(PayerLedger.billingFrom(book.ledger(), after.acceptedAt())),
                updated(cause, book.payerId(), after));
    }

    /**
     * A completed transfer, on the old reseller's book: the subscription (id = the entitlement's) is paid by the new
     * one from the transfer's instant. The old payer keeps its copy to bill its days of the month; the new payer
     * gets the subscription with its history. To a direct account, billing here just stops. An entitlement this
     * reseller has no postpaid plan for changes nothing.
     */
    private static Decision<PayerBook> handOver(PayerBook book, EntitlementMoved moved, Instant now) {
        Optional<Subscription> held = book.subscription(moved.getEntitlementId());
        if (held.isEmpty()) {
            return Decision.nothing();
        }
        String toPayer = moved.getToResellerId() != null ? moved.getToResellerId()
                : "direct:" + moved.getToBillingAccountId();
        SubscriptionDecision decision = SubscriptionDecider.decide(new SubscriptionCommand.MoveToPayer(toPayer,
                moved.getToBillingAccountId()), held.get(), now);
        if (decision instanceof SubscriptionDecision.Refused refused) {
            return refused(moved.getMeta(), book.payerId(), moved.getEntitlementId(), refused);
        }
        Subscription after = ((SubscriptionDecision.Accepted) decision).state();
        PayerBook kept = book.withSubscription(after, null);
        if (moved.getToResellerId() == null) {
            return Decision.of(kept);
        }
        return Decision.of(kept, SubscriptionSnapshots.handover(EventIds.causedBy(moved.getMeta(),
                "SubscriptionHandedOver", 0, Producer.BILLING), book.payerId(), after));
    }

    /** B4: a credit note of whole lines, each credited once, or a refusal; the note's lines go to the ISVs (D6). */
    private static Decision<PayerBook> creditNote(PayerBook book, CreditNoteRequested request) {
        Optional<InvoiceIssued> invoice = book.invoice(YearMonth.parse(request.getMonth()));
        Decision<CreditNoteIssued> decision = CreditNoteDecider.decide(request, invoice.orElse(null),
                line -> book.creditedBy(invoice.orElseThrow().getInvoiceId(), line));
        CreditNoteIssued note = decision.state();
        if (note == null) {
            return new Decision<>(decision.events(), null);
        }
        List<SpecificRecord> events = new ArrayList<>(decision.events());
        events.addAll(InvoiceEvents.byIsv(note));
        return new Decision<>(events, book.withCredited(note.getInvoiceId(), note.getLines().stream()
                .map(InvoiceLine::getNumber).toList(), note.getCreditNoteId()));
    }

    private static Decision<PayerBook> refused(EventMeta cause, String payerId, String subscriptionId,
            SubscriptionDecision.Refused refused) {
        return Decision.only(new SubscriptionRefused(EventIds.causedBy(cause, "SubscriptionRefused", 0,
                Producer.BILLING), cause.getEventId(), subscriptionId, payerId, refused.reasons().stream()
                .map(Enum::name).toList(), refused.detail()));
    }

    private static SubscriptionUpdated updated(EventMeta cause, String payerId, Subscription s) {
        return new SubscriptionUpdated(EventIds.causedBy(cause, "SubscriptionUpdated", 0, Producer.BILLING),
                s.id(), payerId, s.billingAccountId(), BillingPlan.valueOf(s.plan().name()), s.seats(), s.cap(),
                AvroMoney.toAvro(s.unitPrice()));
    }
}
