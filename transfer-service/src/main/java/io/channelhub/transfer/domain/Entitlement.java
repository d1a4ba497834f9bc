package io.channelhub.transfer.domain;

/**
 * An entitlement as the transfer rules see it: the offer, its ISV, the billing account it sits on, and whether it
 * is still active (a cancelled one cannot be transferred).
 */
public record Entitlement(String id, String offerId, String isvId, String billingAccountId, boolean active) {
}
