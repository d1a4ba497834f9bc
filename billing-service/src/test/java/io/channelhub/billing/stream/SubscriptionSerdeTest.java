package io.channelhub.billing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.domain.Fixtures;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.domain.subscription.SubscriptionCommand;
import io.channelhub.platform.streams.JsonSerde;
import io.channelhub.pricing.Money;
import org.junit.jupiter.api.Test;

/** D-117: subscriptions kept as Avro, exactly as decided; those kept as JSON before are still read. */
class SubscriptionSerdeTest {

    final SubscriptionSerde serde = new SubscriptionSerde();

    /** An Annual subscription with seats added, moved to another payer: every history filled. */
    static Subscription withHistory() {
        Subscription annual = Fixtures.annual("sub-1", 10, "2024-06-01T10:15:30.123456Z");
        Subscription more = Fixtures.apply(annual, new SubscriptionCommand.AddSeats(5), "2024-07-03T08:00:00Z");
        return Fixtures.apply(more, new SubscriptionCommand.MoveToPayer(Fixtures.R2, Fixtures.BA2),
                "2024-08-10T12:00:00Z");
    }

    @Test
    void aSubscriptionComesBackAsItWasKept() {
        Subscription kept = withHistory();
        // B2: a price after margin may have more digits than the wire's scale 4; kept exact, scale and all
        Subscription odd = new Subscription(kept.id(), kept.isvId(), kept.sku(), "offer-9", kept.plan(),
                Money.of("3.333333", "USD"), kept.acceptedAt(), kept.termStart(), kept.termEnd(), kept.cap(),
                kept.seatChanges(), kept.payerChanges(), kept.amendments());

        for (Subscription subscription : new Subscription[] {kept, odd}) {
            byte[] bytes = serde.serializer().serialize("t", subscription);
            assertThat(bytes[0]).isEqualTo((byte) 0xC3);
            assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(subscription);
        }
        assertThat(kept.payerChanges()).hasSize(2);
        assertThat(kept.seatChanges()).hasSize(2);
        assertThat(kept.amendments()).isNotEmpty();
    }

    @Test
    void aSubscriptionKeptAsJsonBeforeIsStillRead() {
        Subscription kept = withHistory();
        byte[] json = new JsonSerde<>(Subscription.class).serializer().serialize("t", kept);

        assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(kept);
    }
}
