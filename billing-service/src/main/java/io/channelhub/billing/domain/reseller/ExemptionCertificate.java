package io.channelhub.billing.domain.reseller;

import java.time.LocalDate;
import java.util.Objects;

/** A US reseller's sales tax exemption certificate (R6), valid through its expiry day. */
public record ExemptionCertificate(String id, LocalDate expiresOn) {

    public ExemptionCertificate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expiresOn, "expiresOn");
    }

    /** An order on the expiry day is still exempt; the day after, it is taxed. */
    public boolean validOn(LocalDate date) {
        return !date.isAfter(expiresOn);
    }
}
