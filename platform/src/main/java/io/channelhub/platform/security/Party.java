package io.channelhub.platform.security;

import java.util.Objects;

/**
 * A party as the HTTP API knows it: only its kind and its id together name it. Ids are unique across kinds in
 * the directory (issue 18), yet a token's id is never compared without its kind: a reseller whose id happened
 * to equal an ISV's must not read as that ISV.
 */
public record Party(PartyKind kind, String id) {

    public Party {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Party isv(String id) {
        return new Party(PartyKind.ISV, id);
    }

    public static Party reseller(String id) {
        return new Party(PartyKind.RESELLER, id);
    }

    public static Party customer(String id) {
        return new Party(PartyKind.CUSTOMER, id);
    }

    /** Only the kind, should a party end up in a log line: its id can be personal data. */
    @Override
    public String toString() {
        return kind.name();
    }
}
