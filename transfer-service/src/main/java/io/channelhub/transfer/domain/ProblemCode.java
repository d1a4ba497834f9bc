package io.channelhub.transfer.domain;

/** T3: why a request cannot proceed yet. The codes are part of the event API (TransferInfoRequested.problems). */
public enum ProblemCode {
    MISSING,
    UNKNOWN_ENTITLEMENT,
    ENTITLEMENT_NOT_ACTIVE,
    OFFER_MISMATCH,
    NOT_CURRENT_BILLING_ACCOUNT,
    UNKNOWN_BILLING_ACCOUNT,
    SAME_BILLING_ACCOUNT,
    KIND_MISMATCH,
    UNKNOWN_PARTY
}
