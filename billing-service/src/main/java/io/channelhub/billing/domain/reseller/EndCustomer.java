package io.channelhub.billing.domain.reseller;

import java.util.Locale;
import java.util.Objects;

/** The ship-to of a reseller order (R2): the customer whose account receives the licences. */
public record EndCustomer(String name, String email) {

    public EndCustomer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }

    /** Accounts are matched by e-mail (R2), regardless of case and surrounding blanks. */
    public String accountKey() {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
