package io.channelhub.platform.security;

import java.util.Collection;
import java.util.Objects;

/**
 * The authenticated caller of an HTTP endpoint, from its bearer token: the party it acts for and, for audit, the
 * token's subject (a person or a client). Controllers take it as a parameter and decide what it may see.
 *
 * @param partyId the ISV's, reseller's or customer's id; for an operator, the operator's own name
 */
public record Caller(PartyKind kind, String partyId, String subject) {

    public Caller {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(partyId, "partyId");
        Objects.requireNonNull(subject, "subject");
    }

    /** Operators read everything (read-only: no endpoint lets anyone change state by login). */
    public boolean isOperator() {
        return kind == PartyKind.OPERATOR;
    }

    /** This party itself. */
    public boolean is(PartyKind kind, String partyId) {
        return this.kind == kind && this.partyId.equals(partyId);
    }

    /** An operator, or this party itself. */
    public boolean mayActFor(PartyKind kind, String partyId) {
        return isOperator() || is(kind, partyId);
    }

    /** An operator, or one of these parties (whatever their kind: ids are unique across kinds). */
    public boolean isOperatorOrAmong(Collection<String> partyIds) {
        return isOperator() || kind != PartyKind.OPERATOR && partyIds.contains(partyId);
    }

    /** Only the kind, should a caller end up in a log line: its ids can be personal data. */
    @Override
    public String toString() {
        return kind.name();
    }
}
