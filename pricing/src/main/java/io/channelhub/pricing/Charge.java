package io.channelhub.pricing;

import java.time.Instant;
import java.util.Objects;

/**
 * One charge billing is making for a purchase. A purchase may carry several charge types (a commitment with
 * usage on top), so the type is on the charge.
 *
 * @param billedAt when the charge is billed (D9 before the cut-over; D8 for usage)
 */
public record Charge(Purchase purchase, ChargeType type, Instant billedAt) {

    public Charge {
        Objects.requireNonNull(purchase, "purchase");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(billedAt, "billedAt");
    }
}
