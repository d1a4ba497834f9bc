package io.channelhub.billing.domain.subscription;

import io.channelhub.billing.event.BillingPlan;
import io.channelhub.billing.event.PayerHolding;
import io.channelhub.billing.event.SeatCount;
import io.channelhub.billing.event.SubscriptionHandedOver;
import io.channelhub.billing.state.PayerFrom;
import io.channelhub.billing.state.SeatsFrom;
import io.channelhub.billing.state.SubscriptionState;
import io.channelhub.common.event.EventMeta;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;


/**
 * A subscription with its whole history, as it travels from the old payer's task to the new one's, and as its
 * payer's task keeps it (D-117).
 */
public final class SubscriptionSnapshots {

    private SubscriptionSnapshots() {
    }

    public static SubscriptionHandedOver handover(EventMeta meta, String fromPayerId, Subscription s) {
        return SubscriptionHandedOver.newBuilder().setMeta(meta).setFromPayerId(fromPayerId)
                .setToPayerId(s.payerId()).setSubscriptionId(s.id()).setIsvId(s.isvId()).setSku(s.sku())
                .setOfferId(s.offerId()).setPlan(BillingPlan.valueOf(s.plan().name()))
                .setUnitPrice(AvroMoney.toAvro(s.unitPrice())).setAcceptedAt(s.acceptedAt())
                .setTermStart(s.termStart()).setTermEnd(s.termEnd()).setCap(s.cap())
                .setSeatChanges(s.seatChanges().stream().map(c -> new SeatCount(c.at(), c.seats())).toList())
                .setPayerChanges(s.payerChanges().stream()
                        .map(c -> new PayerHolding(c.at(), c.payerId(), c.billingAccountId())).toList())
                .setAmendments(s.amendments())
                .build();
    }

    public static Subscription subscription(SubscriptionHandedOver h) {
        return new Subscription(h.getSubscriptionId(), h.getIsvId(), h.getSku(), h.getOfferId(),
                Plan.valueOf(h.getPlan().name()), AvroMoney.fromAvro(h.getUnitPrice()), h.getAcceptedAt(),
                h.getTermStart(), h.getTermEnd(), h.getCap(),
                h.getSeatChanges().stream().map(c -> new SeatChange(c.getAt(), c.getSeats())).toList(),
                h.getPayerChanges().stream().map(c -> new PayerChange(c.getAt(), c.getPayerId(),
                        c.getBillingAccountId())).toList(),
                h.getAmendments());
    }

    /** The subscription as the store keeps it: its unit price exact, whatever its scale. */
    public static SubscriptionState state(Subscription s) {
        return SubscriptionState.newBuilder().setId(s.id()).setIsvId(s.isvId()).setSku(s.sku())
                .setOfferId(s.offerId()).setPlan(BillingPlan.valueOf(s.plan().name()))
                .setUnitPrice(s.unitPrice().amount().toString())
                .setCurrency(s.unitPrice().currency().getCurrencyCode()).setAcceptedAt(s.acceptedAt())
                .setTermStart(s.termStart()).setTermEnd(s.termEnd()).setCap(s.cap())
                .setSeatChanges(s.seatChanges().stream().map(c -> new SeatsFrom(c.at(), c.seats())).toList())
                .setPayerChanges(s.payerChanges().stream()
                        .map(c -> new PayerFrom(c.at(), c.payerId(), c.billingAccountId())).toList())
                .setAmendments(s.amendments())
                .build();
    }

    public static Subscription subscription(SubscriptionState s) {
        return new Subscription(s.getId(), s.getIsvId(), s.getSku(), s.getOfferId(), Plan.valueOf(s.getPlan().name()),
                Money.of(s.getUnitPrice(), s.getCurrency()),
                s.getAcceptedAt(), s.getTermStart(), s.getTermEnd(), s.getCap(),
                s.getSeatChanges().stream().map(c -> new SeatChange(c.getAt(), c.getSeats())).toList(),
                s.getPayerChanges().stream().map(c -> new PayerChange(c.getAt(), c.getPayerId(),
                        c.getBillingAccountId())).toList(),
                s.getAmendments());
    }
}
