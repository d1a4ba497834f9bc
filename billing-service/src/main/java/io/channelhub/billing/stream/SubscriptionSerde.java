package io.channelhub.billing.stream;

import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.billing.domain.subscription.SubscriptionSnapshots;
import io.channelhub.billing.state.SubscriptionState;
import io.channelhub.platform.streams.JsonSerde;
import io.channelhub.schemas.serde.StateSerde;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The subscriptions store's values (D-117): written as Avro ({@link SubscriptionState}), which the month-end run
 * reads back several times faster than JSON; a value written as JSON before (it starts with '{', Avro's
 * single-object encoding with C3 01) is still read, so a changelog needs no migration.
 */
final class SubscriptionSerde implements Serde<Subscription> {

    private final StateSerde<SubscriptionState> avro = new StateSerde<>(SubscriptionState.class,
            SubscriptionState.getClassSchema());
    private final Deserializer<Subscription> json = new JsonSerde<>(Subscription.class).deserializer();

    @Override
    public Serializer<Subscription> serializer() {
        return (topic, subscription) -> subscription == null ? null
                : avro.serialize(topic, SubscriptionSnapshots.state(subscription));
    }

    @Override
    public Deserializer<Subscription> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            return bytes.length > 0 && bytes[0] == '{' ? json.deserialize(topic, bytes)
                    : SubscriptionSnapshots.subscription(avro.deserialize(topic, bytes));
        };
    }
}
