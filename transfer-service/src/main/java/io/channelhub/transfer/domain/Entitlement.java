package io.channelhub.transfer.domain;

/** An active entitlement as the transfer rules see it: the offer, its ISV, and the billing account it sits on. */
public record Entitlement(String id, String offerId, String isvId, String billingAccountId) {
}
