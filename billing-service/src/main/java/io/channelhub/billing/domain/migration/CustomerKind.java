package io.channelhub.billing.domain.migration;

/** How the reseller signed the customer up: B6 migration credit only ever goes against online customers. */
public enum CustomerKind {
    ONLINE,
    OFFLINE
}
