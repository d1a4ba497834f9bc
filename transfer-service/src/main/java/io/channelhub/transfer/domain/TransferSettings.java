package io.channelhub.transfer.domain;

import java.time.Duration;

/** T8: when pending parties are reminded and when an unanswered transfer expires, counted from the request. */
public record TransferSettings(Duration remindAfter, Duration expireAfter) {
    public TransferSettings {
        if (remindAfter.isNegative() || remindAfter.isZero() || remindAfter.compareTo(expireAfter) >= 0) {
            throw new IllegalArgumentException("Reminders (" + remindAfter + ") must come before expiry ("
                    + expireAfter + ")");
        }
    }
}
