package io.channelhub.transfer.stream;

import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.platform.dedupe.AppliedEventIds;
import io.channelhub.platform.dedupe.Dedupe;
import io.channelhub.platform.deadlines.DeadlineIndex;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.Unsupported;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Topics;
import io.channelhub.transfer.domain.Decision;
import io.channelhub.transfer.domain.TransferDecider;
import io.channelhub.transfer.state.TransferState;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Transfer commands and clock ticks: dedupe, fire what is due, decide, emit, keep the state and its deadline.
 * Nothing here decides anything; that is {@link TransferDecider}'s.
 */
final class TransferCommandProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private final TransferDecider decider;
    private final TransferMetrics metrics;
    private final MeterRegistry registry;
    private final Duration dedupeRetention;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, TransferState> transfers;
    private KeyValueStore<String, String> transferIds;
    private DeadlineIndex deadlines;
    private AppliedEventIds applied;
    private StoreFacts facts;

    TransferCommandProcessor(TransferDecider decider, TransferMetrics metrics, MeterRegistry registry,
            Duration dedupeRetention) {
        this.decider = decider;
        this.metrics = metrics;
        this.registry = registry;
        this.dedupeRetention = dedupeRetention;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        transfers = context.getStateStore(TransferTopology.TRANSFERS_STORE);
        transferIds = context.getStateStore(TransferTopology.TRANSFER_IDS_STORE);
        deadlines = DeadlineIndex.from(context, TransferTopology.DEADLINES_STORE);
        applied = AppliedEventIds.from(context, TransferTopology.COMMANDS);
        facts = new StoreFacts(context.getStateStore(TransferTopology.DIRECTORY_STORE),
                context.getStateStore(TransferTopology.ENTITLEMENTS_STORE));
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord command = record.value();
        if (!TransferDecider.accepts(command)) {
            Unsupported.record(registry, TransferTopology.SERVICE, Topics.TRANSFERS_COMMANDS, command);
            return;
        }
        if (command instanceof ClockTicked tick) {
            tick(tick, record.timestamp());
            return;
        }
        if (!Dedupe.firstTime(applied, command, registry, TransferTopology.SERVICE, Topics.TRANSFERS_COMMANDS)) {
            return;
        }
        String key = Objects.requireNonNullElse(record.key(), "no-key");
        Instant now = Events.meta(command).getOccurredAt();
        TransferState state = transfers.get(key);
        // T8: a deadline already past at the command's time fires first, tick or no tick
        state = apply(key, state, decider.deadlines(state, Events.meta(command), now), now, record.timestamp());
        apply(key, state, decider.decide(command, state, facts, now), now, record.timestamp());
    }

    private void tick(ClockTicked tick, long timestamp) {
        applied.forgetBefore(tick.getAt().toEpochMilli() - dedupeRetention.toMillis());
        for (String key : deadlines.takeDue(tick.getAt())) {
            TransferState state = transfers.get(key);
            TransferState after = apply(key, state, decider.deadlines(state, tick.getMeta(), tick.getAt()),
                    tick.getAt(), timestamp);
            TransferDecider.nextDeadline(after).ifPresent(at -> deadlines.schedule(key, at));
        }
    }

    /** Emits the decision's events, stores its state and moves the deadline; returns the state after. */
    private TransferState apply(String key, TransferState before, Decision decision, Instant now, long timestamp) {
        for (SpecificRecord event : decision.events()) {
            String sink = event instanceof EntitlementMoved ? TransferTopology.MOVES_SINK : TransferTopology.EVENTS_SINK;
            context.forward(new Record<>(key, event, timestamp), sink);
            metrics.record(event, before, now);
            registry.counter(MetricNames.OUTCOMES, "service", TransferTopology.SERVICE, "type",
                    event.getClass().getSimpleName()).increment();
        }
        TransferState after = decision.state();
        if (after == null) {
            return before;
        }
        transfers.put(key, after);
        transferIds.put(after.getTransferId(), key);
        Optional<Instant> was = TransferDecider.nextDeadline(before);
        Optional<Instant> next = TransferDecider.nextDeadline(after);
        if (!was.equals(next)) {
            was.ifPresent(at -> deadlines.cancel(key, at));
            next.ifPresent(at -> deadlines.schedule(key, at));
        }
        return after;
    }
}
