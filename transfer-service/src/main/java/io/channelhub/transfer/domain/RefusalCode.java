package io.channelhub.transfer.domain;

/** Why a command changed nothing (TransferRefused, TransferConsentRefused codes; part of the event API). */
public enum RefusalCode {
    /** T7: the entitlement already has an open transfer. */
    TRANSFER_ALREADY_OPEN,
    /** A follow-up or consent names a transfer this entitlement does not have. */
    UNKNOWN_TRANSFER,
    /** T3: a follow-up for a transfer that is not waiting for information. */
    NOT_WAITING_FOR_INFORMATION,
    /** T5: consent for a transfer that is still waiting for information. */
    NOT_AWAITING_CONSENT,
    /** T5: consent from someone who is not a required party. */
    NOT_A_PARTY,
    /** T5: consent for a transfer that already ended. */
    TRANSFER_CLOSED,
    /** T5: a party that already decided tries the opposite decision. */
    ALREADY_DECIDED
}
