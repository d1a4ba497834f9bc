package io.channelhub.platform.ids;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void derivedIdsAreStableAndDistinctPerKindAndIndex() {
        assertThat(EventIds.derive("cause", "TransferOpened", 0)).isEqualTo(EventIds.derive("cause", "TransferOpened", 0));
        assertThat(EventIds.derive("cause", "TransferOpened", 0)).isNotEqualTo(EventIds.derive("cause", "TransferOpened", 1))
                .isNotEqualTo(EventIds.derive("cause", "EmailSent", 0))
                .isNotEqualTo(EventIds.derive("other", "TransferOpened", 0));
    }

    @Test
    void causedByCarriesCausationCorrelationAndTheCausesTime() {
        EventMeta cause = EventIds.origin("c-1", Instant.parse("2026-01-02T03:04:05Z"), "upstream");
        EventMeta effect = EventIds.causedBy(cause, "TransferOpened", 0, "transfer-service");
        assertThat(effect.getEventId()).isEqualTo(EventIds.derive("c-1", "TransferOpened", 0));
        assertThat(effect.getCausationId()).isEqualTo("c-1");
        assertThat(effect.getCorrelationId()).isEqualTo("c-1");
        assertThat(effect.getOccurredAt()).isEqualTo(cause.getOccurredAt());
        assertThat(EventIds.causedBy(effect, "EmailRequested", 0, "n").getCorrelationId()).isEqualTo("c-1");
    }
}
