package io.channelhub.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.common.event.EventMeta;
import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountCancelled;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountLapsed;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.discount.event.DiscountTerms;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** D8–D10 need the interval each discount was really in effect; this is billing's table of them. */
class DiscountHistoryTest {

    static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
    static final Instant END = Instant.parse("2024-06-01T00:00:00Z");
    static final EventMeta META = EventMeta.newBuilder().setEventId("e").setOccurredAt(START).setProducer("t").build();

    static DiscountTerms terms() {
        return DiscountTerms.newBuilder().setDiscountId("D-1").setIsvId("ISV-1").setIsvName("I").setIsvEmail("i@x")
                .setResellerId("R-1").setResellerName("R").setResellerEmail("r@x").setBillingAccountId("A-1")
                .setPercent(new BigDecimal("10.00")).setStartsAt(START).setEndsAt(END).build();
    }

    @Test
    void aDiscountIsInEffectFromItsStartUntilItsEnd() {
        DiscountTerm started = fold(null, new DiscountStarted(META, terms(), START)).orElseThrow();
        assertThat(started.inEffectFrom()).isEqualTo(START);
        assertThat(started.inEffectUntil()).isNull();
        DiscountTerm ended = fold(started, new DiscountEnded(META, terms(), END)).orElseThrow();
        assertThat(ended.inEffectAt(END.minusMillis(1))).isTrue();
        assertThat(ended.inEffectAt(END)).isFalse();
        // X2: a start replayed after the end does not reopen it
        assertThat(fold(ended, new DiscountStarted(META, terms(), START))).contains(ended);
        assertThat(DiscountHistory.key(terms())).isEqualTo("R-1|ISV-1|D-1");
    }

    @Test
    void aCancellationClosesADiscountInEffectAndOnlyThat() {
        Instant cancelledAt = Instant.parse("2024-05-10T12:00:00Z");
        DiscountTerm started = fold(null, new DiscountStarted(META, terms(), START)).orElseThrow();
        assertThat(fold(started, new DiscountCancelled(META, terms(), cancelledAt, true)).orElseThrow()
                .inEffectUntil()).isEqualTo(cancelledAt);
        assertThat(fold(null, new DiscountCancelled(META, terms(), cancelledAt, false))).isEmpty();
    }

    @Test
    void proposalsAcceptancesAndLapsesPutNothingInEffect() {
        for (SpecificRecord event : List.<SpecificRecord>of(new DiscountProposed(META, terms(), START),
                new DiscountAccepted(META, terms(), START), new DiscountLapsed(META, terms(), START))) {
            assertThat(fold(null, event)).isEmpty();
        }
    }

    private static Optional<DiscountTerm> fold(DiscountTerm known, SpecificRecord event) {
        return DiscountHistory.fold(known, event);
    }
}
