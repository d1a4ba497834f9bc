package io.channelhub.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.transfer.event.ConsentDecision;
import io.channelhub.transfer.event.PartyRole;
import io.channelhub.transfer.event.TransferRequested;
import io.channelhub.transfer.state.Consent;
import io.channelhub.transfer.state.TransferState;
import io.channelhub.transfer.state.TransferStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A record changed into a new one: what Avro's copy builder gives, without copying what did not change (D-123). */
class RecordsTest {

    private static final Instant SINCE = Instant.parse("2026-01-05T09:00:00Z");

    private final TransferState open = TransferState.newBuilder()
            .setTransferId("T-1")
            .setStatus(TransferStatus.AWAITING_CONSENT)
            .setRequest(TransferRequested.newBuilder()
                    .setMeta(EventSerdeTest.meta("request-1"))
                    .build())
            .setSince(SINCE)
            .setExpiresAt(SINCE.plusSeconds(86_400))
            .build();

    @Test
    void theCopyHasTheChangesAndEveryOtherFieldOfTheOriginal() {
        List<Consent> consents = List.of(new Consent(PartyRole.CUSTOMER, "C-1", ConsentDecision.APPROVE, SINCE));

        TransferState completed = Records.with(open, next -> {
            next.setStatus(TransferStatus.COMPLETED);
            next.setConsents(consents);
        });

        assertThat(completed).isEqualTo(TransferState.newBuilder(open).setStatus(TransferStatus.COMPLETED)
                .setConsents(consents).build());
        assertThat(completed.getRequest()).isSameAs(open.getRequest());
    }

    @Test
    void theOriginalIsNotChanged() {
        TransferState before = TransferState.newBuilder(open).build();

        Records.with(open, next -> next.setClosedAt(SINCE));

        assertThat(open).isEqualTo(before);
        assertThat(open.getClosedAt()).isNull();
    }
}
