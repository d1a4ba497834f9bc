package io.channelhub.transfer.web;

import io.channelhub.platform.ids.EventIds;
import io.channelhub.platform.web.CommandPublisher;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import io.channelhub.transfer.stream.TransferTopology;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Turns a used approval link into a {@code TransferConsentSubmitted} command (T5) on transfers.commands, under the
 * entitlement key so it meets the transfer's state. Its id derives from the token: the same link used twice
 * yields the same command id, which the topology applies once (X2).
 */
@Component
class ConsentPublisher {

    static final String CHANNEL = "link";

    private final CommandPublisher commands;
    private final Clock clock;

    ConsentPublisher(CommandPublisher commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    /** Publishes and waits for the broker's acknowledgement, so a 202 means the decision is durable. */
    TransferConsentSubmitted publish(ApprovalLink link) {
        TransferConsentSubmitted consent = TransferConsentSubmitted.newBuilder()
                .setMeta(EventIds.origin(eventId(link.token()), clock.instant(), TransferTopology.SERVICE))
                .setTransferId(link.transferId())
                .setEntitlementId(link.entitlementId())
                .setRole(link.role())
                .setPartyId(link.partyId())
                .setDecision(link.decision())
                .setChannel(CHANNEL)
                .build();
        commands.publish(Topics.TRANSFERS_COMMANDS, link.entitlementId(), consent);
        return consent;
    }

    static String eventId(String token) {
        return CommandPublisher.commandId(token, "TransferConsentSubmitted");
    }
}
