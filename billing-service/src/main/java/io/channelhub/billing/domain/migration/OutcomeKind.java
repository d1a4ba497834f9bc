package io.channelhub.billing.domain.migration;

/** What a prepaid order becomes when its reseller migrates (B5). */
public enum OutcomeKind {
    /** An Annual postpaid plan until its renewal date, with a pro-rata credit for the unused prepaid days. */
    ANNUAL,
    /** A trial stays a trial, with its own end. */
    TRIAL_KEPT,
    /** A last free trial from the opt-in: grace-period orders and ACTIVE ones near renewal without auto-renew. */
    FINAL_TRIAL
}
