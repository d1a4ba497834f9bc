package io.channelhub.platform.security;

import java.util.Collection;
import java.util.List;
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

    /** The party this caller acts for (an operator's is its own name). */
    public Party party() {
        return new Party(kind, partyId);
    }

    /**
     * The one check every endpoint makes (D-49, issue 18): an operator, or one of the data's own parties, kind
     * and id both. Nothing else compares a caller with data.
     */
    public boolean mayRead(Collection<Party> owners) {
        return isOperator() || owners.contains(party());
    }

    /** {@link #mayRead(Collection)} for data with one owner. */
    public boolean mayRead(Party owner) {
        return mayRead(List.of(owner));
    }

    /** Only the kind, should a caller end up in a log line: its ids can be personal data. */
    @Override
    public String toString() {
        return kind.name();
    }
}
