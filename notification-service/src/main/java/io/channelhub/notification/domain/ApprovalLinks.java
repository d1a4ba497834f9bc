package io.channelhub.notification.domain;

import io.channelhub.discount.event.DiscountTerms;
import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.Party;
import io.channelhub.transfer.event.TransferDetails;
import java.time.Instant;

/** Makes the links a party clicks to give one decision; signed outside the domain. */
public interface ApprovalLinks {

    /** T4, T5: one party's approval or rejection of one transfer, valid until it expires. */
    String link(TransferDetails transfer, Party party, ConsentDecision decision, Instant expiresAt);

    /** D3: the reseller's acceptance of one proposed discount, valid until the discount would start. */
    String acceptDiscount(DiscountTerms discount);
}
