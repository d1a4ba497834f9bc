package io.channelhub.billing.domain.reseller;

/** How a payment arrived; reseller orders accept WIRE only (R3). */
public enum PaymentMethod {
    WIRE,
    CARD
}
