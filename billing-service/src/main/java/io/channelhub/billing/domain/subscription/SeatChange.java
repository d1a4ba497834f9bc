package io.channelhub.billing.domain.subscription;

import java.time.Instant;
import java.util.Objects;

/** From {@code at} on the subscription has {@code seats} seats: licences committed (Annual) or users in use (Flexible). */
public record SeatChange(Instant at, int seats) {

    public SeatChange {
        Objects.requireNonNull(at, "at");
        if (seats < 0) {
            throw new IllegalArgumentException("Seats cannot be negative: " + seats);
        }
    }
}
