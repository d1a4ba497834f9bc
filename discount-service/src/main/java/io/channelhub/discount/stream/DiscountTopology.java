package io.channelhub.discount.stream;

import io.channelhub.discount.domain.DiscountDecider;
import io.channelhub.discount.state.DiscountBook;
import io.channelhub.platform.decider.DeciderHost;
import io.channelhub.platform.directory.DirectoryView;
import io.channelhub.platform.streams.DecodeOrDeadLetter;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.schemas.serde.StateSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * discount-service's one topology. Commands are keyed {@code <isvId>|<resellerId>}: all of one ISV's discounts
 * through one reseller meet in one task, so D4 is checked against local state. The directory is a global table.
 * Outcomes go to discounts.events under the same key.
 */
public final class DiscountTopology {

    public static final String SERVICE = DiscountDecider.PRODUCER;
    /** {@code <isvId>|<resellerId>} -> every discount of that ISV through that reseller. */
    public static final String BOOKS_STORE = "discount-books";
    /** discountId -> its book's key, for queries by id. */
    public static final String DISCOUNT_IDS_STORE = "discount-ids";
    /** books by their next lapse, start or end (D3). */
    public static final String DEADLINES_STORE = "discount-deadlines";
    public static final String DIRECTORY_STORE = "directory";
    static final String COMMANDS = "discount-commands";
    static final String EVENTS_SINK = "discount-events";

    private DiscountTopology() {
    }

    public static StateSerde<DiscountBook> bookSerde() {
        return new StateSerde<>(DiscountBook.class, DiscountBook.getClassSchema());
    }

    public static Topology build(DiscountDecider decider, MeterRegistry registry, Duration dedupeRetention) {
        Topology topology = new Topology();
        ReferenceTable.addGlobalStore(topology, SERVICE, Topics.DIRECTORY_EVENTS, DIRECTORY_STORE, registry);
        String commands = DecodeOrDeadLetter.addSource(topology, Topics.DISCOUNTS_COMMANDS, COMMANDS, registry);
        DeciderHost.of(SERVICE, Topics.DISCOUNTS_COMMANDS, decider)
                .stores(BOOKS_STORE, DEADLINES_STORE)
                .facts(context -> new DirectoryView(context.getStateStore(DIRECTORY_STORE)))
                .sink(EVENTS_SINK)
                .stored(context -> {
                    KeyValueStore<String, String> ids = context.getStateStore(DISCOUNT_IDS_STORE);
                    return (key, book) -> book.getDiscounts().forEach(discount ->
                            ids.putIfAbsent(discount.getTerms().getDiscountId(), key));
                })
                .metrics(registry, dedupeRetention)
                .addTo(topology, COMMANDS, commands);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BOOKS_STORE),
                Serdes.String(), bookSerde()), COMMANDS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DISCOUNT_IDS_STORE),
                Serdes.String(), Serdes.String()), COMMANDS);
        topology.addSink(EVENTS_SINK, Topics.DISCOUNTS_EVENTS, new StringSerializer(), new EventSerde(), COMMANDS);
        return topology;
    }
}
