package io.channelhub.billing.domain.reseller;

import io.channelhub.pricing.Money;
import java.time.Instant;
import java.util.Objects;

/** A payment received for an order. */
public record Payment(Instant receivedAt, PaymentMethod method, Money amount) {

    public Payment {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(amount, "amount");
    }
}
