package io.channelhub.billing.domain.subscription;

/** The two postpaid plans, chosen per customer subscription by the reseller (B1). */
public enum Plan {
    /** N licences committed for 12 months, billed in 12 equal monthly instalments; seats only go up before renewal. */
    ANNUAL,
    /** No commitment: users in use up to the reseller's cap, billed monthly pro rata per day. */
    FLEXIBLE
}
