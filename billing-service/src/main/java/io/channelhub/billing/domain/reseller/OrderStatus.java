package io.channelhub.billing.domain.reseller;

/** Where a reseller order stands. Only credit extended can be overdue. */
public enum OrderStatus {
    /** R4/R5: licences wait for payment. Not credit: never overdue, no interest. */
    HELD_UNTIL_PAID,
    /** Licences released, payment due by the due date (R5). */
    RELEASED_ON_CREDIT,
    PAID
}
