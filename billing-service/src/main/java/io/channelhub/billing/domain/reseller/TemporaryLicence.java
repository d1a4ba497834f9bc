package io.channelhub.billing.domain.reseller;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** R4: a stand-in for a held order's licences while it waits for payment, valid until {@code expiresAt}. */
public record TemporaryLicence(String key, Instant expiresAt) {

    public TemporaryLicence {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    static TemporaryLicence issue(String orderId, Instant now, int validDays) {
        return new TemporaryLicence(Licence.key("temporary", orderId, 0), now.plus(Duration.ofDays(validDays)));
    }
}
