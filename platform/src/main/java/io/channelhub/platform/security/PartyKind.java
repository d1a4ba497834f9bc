package io.channelhub.platform.security;

import java.util.Locale;
import java.util.Optional;

/** Who a caller is in the channel: the four kinds of party the HTTP API serves. */
public enum PartyKind {
    ISV, RESELLER, CUSTOMER, OPERATOR;

    /**
     * As written in a token's claim: exactly {@link #claim()}, lower case; empty for anything else. A claim is
     * matched as written, never folded, so two spellings can never name the same kind.
     */
    public static Optional<PartyKind> parse(String claim) {
        for (PartyKind kind : values()) {
            if (kind.claim().equals(claim)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** This kind as a token's {@code party_kind} claim: {@code isv}, {@code reseller}, ... */
    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The Spring Security authority of this kind: ROLE_ISV, ... */
    public String authority() {
        return "ROLE_" + name();
    }
}
