package io.channelhub.discount.stream;

import io.channelhub.discount.domain.DiscountDecider;
import io.channelhub.discount.domain.RefusalCode;
import io.channelhub.discount.event.DiscountAcceptanceSubmitted;
import io.channelhub.discount.event.DiscountAccepted;
import io.channelhub.discount.event.DiscountActionRefused;
import io.channelhub.discount.event.DiscountCancellationRequested;
import io.channelhub.discount.event.DiscountCancelled;
import io.channelhub.discount.event.DiscountConfigurationRequested;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountLapsed;
import io.channelhub.discount.event.DiscountProposed;
import io.channelhub.discount.event.DiscountRefused;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.discount.state.DiscountBook;
import io.channelhub.platform.approvals.ApprovalTokens;
import io.channelhub.platform.decider.DeciderHost;
import io.channelhub.platform.dedupe.Dedupe;
import io.channelhub.platform.directory.DirectoryView;
import io.channelhub.platform.metrics.KnownSeries;
import io.channelhub.platform.streams.DecodeOrDeadLetter;
import io.channelhub.platform.streams.ReferenceTable;
import io.channelhub.schemas.Topics;
import io.channelhub.schemas.serde.EventSerde;
import io.channelhub.schemas.serde.StateSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
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

    /**
     * Every series this service counts, at 0 from the start (docs/metrics.md): outcome events by type, refusals
     * by code, refused acceptance links by reason, duplicates and stale commands.
     */
    public static KnownSeries knownSeries() {
        return KnownSeries.outcomes(SERVICE, List.of(DiscountProposed.class, DiscountRefused.class,
                        DiscountAccepted.class, DiscountActionRefused.class, DiscountStarted.class,
                        DiscountEnded.class, DiscountLapsed.class, DiscountCancelled.class))
                .and(KnownSeries.refusals(SERVICE, List.of(DiscountRefused.class, DiscountActionRefused.class),
                        List.of(RefusalCode.values())))
                .and(KnownSeries.refusals(SERVICE, List.of("AcceptanceToken"), ApprovalTokens.REFUSAL_REASONS))
                .and(Dedupe.knownSeries(SERVICE, Topics.DISCOUNTS_COMMANDS, List.of(
                        DiscountConfigurationRequested.class, DiscountAcceptanceSubmitted.class,
                        DiscountCancellationRequested.class)));
    }

    public static Topology build(DiscountDecider decider, MeterRegistry registry, Duration dedupeRetention) {
        Topology topology = new Topology();
        ReferenceTable.addGlobalStore(topology, SERVICE, Topics.DIRECTORY_EVENTS, DIRECTORY_STORE, registry);
        String commands = DecodeOrDeadLetter.addSource(topology, Topics.DISCOUNTS_COMMANDS, COMMANDS, registry);
        DeciderHost.of(SERVICE, Topics.DISCOUNTS_COMMANDS, decider)
                .stores(BOOKS_STORE, DEADLINES_STORE)
                .facts(context -> new DirectoryView(context.getStateStore(DIRECTORY_STORE)))
                .sink(EVENTS_SINK)
                .metrics(registry, dedupeRetention)
                .addTo(topology, COMMANDS, commands);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BOOKS_STORE),
                Serdes.String(), bookSerde()), COMMANDS);
        topology.addSink(EVENTS_SINK, Topics.DISCOUNTS_EVENTS, new StringSerializer(), new EventSerde(), COMMANDS);
        return topology;
    }
}
