package io.channelhub.billing.domain.migration;

/** Where a prepaid order stands when its reseller opts in (B5). */
public enum PrepaidStatus {
    /** In a paid term that ends on the renewal date. */
    ACTIVE,
    /** A free trial, ending on the order's trial end; nothing paid. */
    TRIAL,
    /** The old 30-day grace period: the term ended, not renewed, within 30 days after the renewal date. */
    GRACE_PERIOD
}
