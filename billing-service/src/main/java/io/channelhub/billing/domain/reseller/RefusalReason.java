package io.channelhub.billing.domain.reseller;

/** Why a reseller command was refused; the state is then left as it was. */
public enum RefusalReason {
    /** R1: consultancies do not resell software. */
    NOT_ELIGIBLE,
    ALREADY_REGISTERED,
    NOT_REGISTERED,
    MISSING_FIELD,
    INVALID_FIELD,
    INVALID_PERCENT,
    NOT_POSITIVE,
    /** R6: exemption certificates are for US resellers. */
    NOT_US_RESELLER,
    CERTIFICATE_EXPIRED,
    DUPLICATE_ORDER,
    /** Lines in two currencies, or not the currency of the reseller's earlier orders. */
    CURRENCY_MISMATCH,
    /** R6: a taxable US reseller whose state has no rate in the reference data. */
    TAX_RATE_UNKNOWN,
    UNKNOWN_ORDER,
    /** R4: a temporary licence is only for a held, unpaid order. */
    NOT_HELD,
    TEMPORARY_LICENCE_ALREADY_ISSUED,
    ALREADY_PAID,
    /** R3: wire transfer only. */
    CARD_NOT_ACCEPTED,
    /** R5: a payment must cover the total and the interest due on the day. */
    AMOUNT_SHORT
}
