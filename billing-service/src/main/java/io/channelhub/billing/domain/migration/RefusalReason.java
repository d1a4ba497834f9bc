package io.channelhub.billing.domain.migration;

/** Why a migration command was refused; the state is then left as it was. */
public enum RefusalReason {
    /** B5: the migration is irreversible and happens once. */
    ALREADY_MIGRATED,
    /** B5: not in the last days of a month (3 by default). */
    LAST_DAYS_OF_MONTH,
    /** Nothing to migrate, and no currency for a credit balance. */
    NO_PREPAID_ORDERS,
    /** A reseller's prepaid orders are in one currency (D-41); the credit balance is too. */
    CURRENCY_MISMATCH,
    /** The same order twice: each order migrates exactly once. */
    DUPLICATE_ORDER,
    NOT_MIGRATED,
    /** Not a running trial: never one, or already converted, cancelled or suspended. */
    UNKNOWN_TRIAL,
    /** The trial ended before it was converted: the customer is (or is about to be) suspended. */
    TRIAL_ENDED,
    MISSING_FIELD,
    NOT_POSITIVE
}
