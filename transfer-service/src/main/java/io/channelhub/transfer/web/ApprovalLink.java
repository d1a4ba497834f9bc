package io.channelhub.transfer.web;

import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.PartyRole;

/** A verified approval link: this party may give this decision on this transfer. Keeps the token it came from. */
record ApprovalLink(String token, String transferId, String entitlementId, PartyRole role, String partyId,
        ConsentDecision decision) {
}
