package io.channelhub.billing.domain.charge;

import io.channelhub.pricing.ChargeType;

/** What a line of a monthly charge is for, and how the discount rules treat it (D8). */
public enum ChargeKind {
    /** The month's instalment for the seats held from the payer's first day in the month. */
    ANNUAL_INSTALMENT(ChargeType.COMMITMENT),
    /** Seats added to an Annual commitment during the month, pro rata from the day they were added. */
    ANNUAL_SEATS_ADDED(ChargeType.COMMITMENT),
    /** Flexible seats actually used during the month, pro rata per day. */
    FLEXIBLE_USAGE(ChargeType.USAGE);

    private final ChargeType chargeType;

    ChargeKind(ChargeType chargeType) {
        this.chargeType = chargeType;
    }

    public ChargeType chargeType() {
        return chargeType;
    }
}
