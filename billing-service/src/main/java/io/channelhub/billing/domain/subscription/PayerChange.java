package io.channelhub.billing.domain.subscription;

import java.time.Instant;
import java.util.Objects;

/** From {@code at} on the subscription is paid by reseller {@code payerId} through customer account {@code billingAccountId}. */
public record PayerChange(Instant at, String payerId, String billingAccountId) {

    public PayerChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(payerId, "payerId");
        Objects.requireNonNull(billingAccountId, "billingAccountId");
    }
}
