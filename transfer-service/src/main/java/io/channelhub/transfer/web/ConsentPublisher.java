package io.channelhub.transfer.web;

import io.channelhub.platform.ids.EventIds;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.event.TransferConsentSubmitted;
import io.channelhub.transfer.stream.TransferTopology;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Turns a used approval link into a {@code TransferConsentSubmitted} command (T5) on transfers.commands, under the
 * entitlement key so it meets the transfer's state. Its id derives from the token: the same link used twice
 * yields the same command id, which the topology applies once (X2).
 */
@Component
class ConsentPublisher {

    static final String CHANNEL = "link";
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final KafkaTemplate<String, SpecificRecord> template;
    private final Clock clock;

    ConsentPublisher(KafkaTemplate<String, SpecificRecord> template, Clock clock) {
        this.template = template;
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
        try {
            template.send(Topics.TRANSFERS_COMMANDS, link.entitlementId(), consent)
                    .get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return consent;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notRecorded();
        } catch (ExecutionException | TimeoutException e) {
            throw notRecorded();
        }
    }

    /**
     * The id is derived from a digest of the token, not the token itself: event ids are logged and stored
     * everywhere, and the token is a bearer credential that must not be recoverable from them.
     */
    static String eventId(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return EventIds.derive(HexFormat.of().formatHex(digest), "TransferConsentSubmitted", 0);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    // Safe to retry: a second use of the link carries the same id and is applied at most once.
    private static ErrorResponseException notRecorded() {
        return Problems.unavailable("NOT_RECORDED", "Your decision could not be recorded right now. "
                + "Please use the same link again in a few minutes; it is counted only once.");
    }
}
