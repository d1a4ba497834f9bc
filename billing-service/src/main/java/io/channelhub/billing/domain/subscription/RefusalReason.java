package io.channelhub.billing.domain.subscription;

/** Why a subscription command was refused; the state is then left as it was (B3: nothing is lost). */
public enum RefusalReason {
    ALREADY_STARTED,
    NOT_STARTED,
    MISSING_FIELD,
    INVALID_PRICE,
    /** B2: no list price for the SKU on the plan, or no margin for the reseller. */
    PRICE_UNKNOWN,
    /** A term end that is not an Annual plan's or not after its start. */
    INVALID_TERM,
    /** A command stamped before the last recorded change: the history must stay in time order. */
    OUT_OF_ORDER,
    NOT_POSITIVE,
    /** B3: a Flexible seat change that would exceed the reseller's cap. */
    ABOVE_CAP,
    /** B1/B3: Annual licences are committed; they can only be reduced by renewing with fewer. */
    ANNUAL_REDUCTION_BEFORE_RENEWAL,
    MORE_THAN_IN_USE,
    CAP_BELOW_SEATS_IN_USE,
    NOT_FLEXIBLE,
    NOT_ANNUAL,
    /** Annual seats added after the term ended: renew first. */
    TERM_ENDED,
    /** Renewal asked for before the current term ends. */
    TERM_STILL_RUNNING,
    SAME_PAYER
}
