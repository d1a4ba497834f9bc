package io.channelhub.platform.security;

import java.util.Locale;
import java.util.Optional;

/** Who a caller is in the channel: the four kinds of party the HTTP API serves. */
public enum PartyKind {
    ISV, RESELLER, CUSTOMER, OPERATOR;

    /** As written in a token's claim: any case; empty for anything else. */
    public static Optional<PartyKind> parse(String claim) {
        if (claim == null) {
            return Optional.empty();
        }
        for (PartyKind kind : values()) {
            if (kind.name().equals(claim.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The Spring Security authority of this kind: ROLE_ISV, ... */
    public String authority() {
        return "ROLE_" + name();
    }
}
