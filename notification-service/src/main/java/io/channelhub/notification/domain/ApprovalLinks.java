package io.channelhub.notification.domain;

import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.TransferDetails;
import java.time.Instant;

/** Makes the link a party clicks to give one decision on one transfer (T4, T5); signed outside the domain. */
@FunctionalInterface
public interface ApprovalLinks {

    String link(TransferDetails transfer, Party party, ConsentDecision decision, Instant expiresAt);
}
