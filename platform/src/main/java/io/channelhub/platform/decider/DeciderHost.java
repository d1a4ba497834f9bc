package io.channelhub.platform.decider;

import io.channelhub.platform.deadlines.DeadlineIndex;
import io.channelhub.platform.dedupe.AppliedEventIds;
import io.channelhub.platform.dedupe.Dedupe;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.Unsupported;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.serde.EventSerde;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The one processor that hosts any {@link Decider}, keyed by the aggregate's id: a command is applied once (X2),
 * what was due at its time happens first, then it is decided; the events go out, the state is stored, its deadline
 * rescheduled; outcomes and refusals are counted (X3). A clock tick fires the due deadlines, found through the
 * {@link DeadlineIndex}, never by reading every aggregate; a host wired to work {@link Wiring#deadlinesInSteps in
 * steps} fires them a bounded number at a time, each step committed by itself (D-115). Nothing here decides anything.
 *
 * @param <S> the aggregate's state
 * @param <F> the facts the decider reads
 */
public final class DeciderHost<S, F> implements Processor<String, SpecificRecord, String, SpecificRecord> {

    /** Called for every event published, with the aggregate as it was when the cause arrived and after. */
    public interface Outcomes<S> {
        void published(SpecificRecord event, S before, S after, Instant now);
    }

    /** Starts wiring {@code decider}, whose commands arrive on {@code topic}, into a topology of {@code service}. */
    public static <S, F> Wiring<S, F> of(String service, String topic, Decider<S, F> decider) {
        return new Wiring<>(service, topic, decider);
    }

    /** How one decider is wired into a topology: its stores, what it reads, where its events go, what is counted. */
    public static final class Wiring<S, F> {

        private final String service;
        private final String topic;
        private final Decider<S, F> decider;
        private String name;
        private Function<ProcessorContext<String, SpecificRecord>, AggregateStore<S>> storage;
        private String deadlineStore;
        private Function<ProcessorContext<String, SpecificRecord>, F> facts = context -> null;
        private Function<SpecificRecord, String> sink;
        private Function<SpecificRecord, String> key = event -> null;
        private Outcomes<S> outcomes = (event, before, after, now) -> { };
        private Consumer<SpecificRecord> ignored = command -> { };
        private Predicate<SpecificRecord> internal = event -> false;
        private Function<ProcessorContext<String, SpecificRecord>, BiConsumer<String, S>> stored =
                context -> (key, state) -> { };
        private MeterRegistry registry;
        private Duration dedupeRetention;
        private int perStep = Integer.MAX_VALUE;

        private Wiring(String service, String topic, Decider<S, F> decider) {
            this.service = Objects.requireNonNull(service, "service");
            this.topic = Objects.requireNonNull(topic, "topic");
            this.decider = Objects.requireNonNull(decider, "decider");
        }

        /** The aggregates' store, written by this processor only, and the index of their deadlines. */
        public Wiring<S, F> stores(String state, String deadlines) {
            return stores(context -> AggregateStore.of(context.getStateStore(state)), deadlines);
        }

        /** The aggregates kept by {@code storage} (made from the task's stores), and the index of their deadlines. */
        public Wiring<S, F> stores(Function<ProcessorContext<String, SpecificRecord>, AggregateStore<S>> storage,
                String deadlines) {
            this.storage = storage;
            this.deadlineStore = deadlines;
            return this;
        }

        /** What the decider reads, made from the task's stores once per task. */
        public Wiring<S, F> facts(Function<ProcessorContext<String, SpecificRecord>, F> facts) {
            this.facts = facts;
            return this;
        }

        /** Every event to one sink. */
        public Wiring<S, F> sink(String sink) {
            return sink(event -> sink);
        }

        /** Each event to the sink this says. */
        public Wiring<S, F> sink(Function<SpecificRecord, String> sink) {
            this.sink = sink;
            return this;
        }

        /**
         * The key an event is published with, where its sink is keyed by another id than the aggregate's (null:
         * the aggregate's id, the default).
         */
        public Wiring<S, F> keys(Function<SpecificRecord, String> key) {
            this.key = key;
            return this;
        }

        /**
         * Events that are the service's own plumbing (a command to itself, lines re-keyed for another of its
         * processors): published, but not counted as outcomes.
         */
        public Wiring<S, F> internal(Predicate<SpecificRecord> internal) {
            this.internal = internal;
            return this;
        }

        /** The service's own business metrics of each event published. */
        public Wiring<S, F> outcomes(Outcomes<S> outcomes) {
            this.outcomes = outcomes;
            return this;
        }

        /**
         * A command the decider took that changed nothing and said nothing (nor did what was due at its time), for
         * the service's own count of it.
         */
        public Wiring<S, F> ignored(Consumer<SpecificRecord> ignored) {
            this.ignored = ignored;
            return this;
        }

        /** After a state is stored: the processor's own index of it (by a second id), made from the task's stores. */
        public Wiring<S, F> stored(Function<ProcessorContext<String, SpecificRecord>, BiConsumer<String, S>> stored) {
            this.stored = stored;
            return this;
        }

        /** Where outcomes and refusals are counted, and how long applied command ids are remembered (X2). */
        public Wiring<S, F> metrics(MeterRegistry registry, Duration dedupeRetention) {
            this.registry = registry;
            this.dedupeRetention = dedupeRetention;
            return this;
        }

        /**
         * A tick fires at most {@code aggregates} due deadlines (and forgets at most {@value #FORGOTTEN_PER_STEP}
         * applied ids) in the transaction of its record; the rest follow in steps of as many, each its own
         * transaction, continued by a punctuation. The tick being worked through is kept in a store of its own, so
         * a task that restarts mid-way goes on with it (D-115). Without this a tick does all of it at once, in
         * one transaction however many aggregates are due.
         */
        public Wiring<S, F> deadlinesInSteps(int aggregates) {
            if (aggregates < 1) {
                throw new IllegalArgumentException("At least one aggregate per step, not " + aggregates);
            }
            this.perStep = aggregates;
            return this;
        }

        private boolean stepped() {
            return perStep != Integer.MAX_VALUE;
        }

        /**
         * Adds the processor {@code name} with its deadline index and applied-ids stores (named after it); the
         * caller adds the state store(s), with their serdes, and any index {@code stored} writes.
         */
        public void addTo(Topology topology, String name, String... parents) {
            this.name = name;
            Objects.requireNonNull(storage, "stores");
            Objects.requireNonNull(sink, "sink");
            Objects.requireNonNull(registry, "metrics");
            topology.addProcessor(name, () -> new DeciderHost<>(this), parents);
            for (var store : DeadlineIndex.storeBuilders(deadlineStore)) {
                topology.addStateStore(store, name);
            }
            for (var store : AppliedEventIds.storeBuilders(name)) {
                topology.addStateStore(store, name);
            }
            if (stepped()) {
                topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name
                        + TICK_STORE_SUFFIX), Serdes.String(), new EventSerde()), name);
            }
        }
    }

    /** Applied ids forgotten at most in one step of a host that works in steps (D-116). */
    static final int FORGOTTEN_PER_STEP = 20_000;
    private static final String TICK_STORE_SUFFIX = "-tick-in-progress";
    private static final String TICK_KEY = "tick";
    /** How soon a step follows the last one: at the stream thread's next loop, after the commit. */
    private static final Duration NEXT_STEP = Duration.ofMillis(1);

    private final Wiring<S, F> wiring;
    private final Decider<S, F> decider;
    private ProcessorContext<String, SpecificRecord> context;
    private AggregateStore<S> states;
    private DeadlineIndex deadlines;
    private AppliedEventIds applied;
    private F facts;
    private BiConsumer<String, S> stored;
    /** The tick a stepped host is working through, if any: written when a step leaves work, deleted when done. */
    private KeyValueStore<String, SpecificRecord> tickInProgress;
    private Cancellable nextStep;

    private DeciderHost(Wiring<S, F> wiring) {
        this.wiring = wiring;
        this.decider = wiring.decider;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        states = wiring.storage.apply(context);
        deadlines = DeadlineIndex.from(context, wiring.deadlineStore, schedule -> states.forEach((key, state) ->
                decider.nextDeadline(state).ifPresent(at -> schedule.accept(key, at))));
        applied = AppliedEventIds.from(context, wiring.name);
        facts = wiring.facts.apply(context);
        stored = wiring.stored.apply(context);
        if (wiring.stepped()) {
            tickInProgress = context.getStateStore(wiring.name + TICK_STORE_SUFFIX);
            if (inProgress() != null) { // a restarted task goes on where the last committed step ended
                continueInSteps();
            }
        }
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord command = record.value();
        if (command instanceof ClockTicked tick) {
            tick(tick, record.timestamp());
            return;
        }
        if (!decider.accepts(command)) {
            Unsupported.record(wiring.registry, wiring.service, wiring.topic, command);
            return;
        }
        if (!Dedupe.firstTime(applied, command, wiring.registry, wiring.service, wiring.topic)) {
            return;
        }
        String key = Objects.requireNonNullElse(decider.aggregateId(command, record.key()), "no-key");
        S before = states.load(key);
        Decision<S> decision = decider.handle(command, before, facts);
        if (decision.events().isEmpty() && decision.state() == null) {
            wiring.ignored.accept(command);
        }
        apply(key, before, decision, Events.meta(command).getOccurredAt(), record.timestamp());
    }

    private void tick(ClockTicked tick, long timestamp) {
        ClockTicked running = wiring.stepped() ? inProgress() : null;
        if (running != null && !tick.getAt().isAfter(running.getAt())) {
            return; // a replayed or older tick: the run in progress, at its time or later, covers what it would do
        }
        step(tick, timestamp);
    }

    /**
     * One step of a tick's work: fires due deadlines, then forgets applied ids out of the window, each up to its
     * bound; a stepped host keeps the tick while work is left, and asks for a commit so each step is its own.
     * Forgetting is housekeeping: while deadlines are left to fire it only moves the forgetting point, so a month-end
     * run is not slowed by the ids a month of commands left (D-121).
     */
    private void step(ClockTicked tick, long timestamp) {
        List<String> due = deadlines.takeDue(tick.getAt(), wiring.perStep);
        boolean moved = false;
        for (String key : due) {
            S before = states.load(key);
            S after = apply(key, before, decider.deadlines(before, facts, tick.getMeta(), tick.getAt()), tick.getAt(),
                    timestamp);
            // taken out of the index above: due again later (or still due: a deadline it did not act on)
            Optional<Instant> next = decider.nextDeadline(after);
            next.ifPresent(at -> deadlines.schedule(key, at));
            moved |= next.filter(at -> !at.isAfter(tick.getAt())).isEmpty();
        }
        // a step whose aggregates all stay due would find them again: they wait for the next tick, as unstepped
        boolean deadlinesLeft = wiring.stepped() && due.size() == wiring.perStep && moved;
        int forgetLimit = !wiring.stepped() ? Integer.MAX_VALUE : deadlinesLeft ? 0 : FORGOTTEN_PER_STEP;
        int forgotten = applied.forgetBefore(tick.getAt().toEpochMilli() - wiring.dedupeRetention.toMillis(),
                forgetLimit);
        if (!wiring.stepped()) {
            return;
        }
        if (deadlinesLeft || forgotten == forgetLimit) {
            tickInProgress.put(TICK_KEY, tick);
            continueInSteps();
        } else if (nextStep != null) {
            tickInProgress.delete(TICK_KEY);
            nextStep.cancel();
            nextStep = null;
        }
        context.commit();
    }

    private ClockTicked inProgress() {
        return (ClockTicked) tickInProgress.get(TICK_KEY);
    }

    private void continueInSteps() {
        if (nextStep == null) {
            nextStep = context.schedule(NEXT_STEP, PunctuationType.WALL_CLOCK_TIME, now -> {
                ClockTicked running = inProgress();
                step(running, running.getAt().toEpochMilli());
            });
        }
    }

    /** Emits the decision's events, stores its state and moves the deadline; returns the state after. */
    private S apply(String key, S before, Decision<S> decision, Instant now, long timestamp) {
        S after = decision.stateOr(before);
        for (SpecificRecord event : decision.events()) {
            String eventKey = Objects.requireNonNullElse(wiring.key.apply(event), key);
            context.forward(new Record<>(eventKey, event, timestamp), wiring.sink.apply(event));
            count(event);
            wiring.outcomes.published(event, before, after, now);
        }
        if (decision.state() == null) {
            return before;
        }
        states.save(key, before, after);
        stored.accept(key, after);
        Optional<Instant> was = decider.nextDeadline(before);
        Optional<Instant> next = decider.nextDeadline(after);
        if (!was.equals(next)) {
            was.ifPresent(at -> deadlines.cancel(key, at));
            next.ifPresent(at -> deadlines.schedule(key, at));
        }
        return after;
    }

    private void count(SpecificRecord event) {
        if (wiring.internal.test(event)) {
            return;
        }
        String type = event.getClass().getSimpleName();
        wiring.registry.counter(MetricNames.OUTCOMES, "service", wiring.service, "type", type).increment();
        for (String reason : decider.refusalReasons(event)) {
            wiring.registry.counter(MetricNames.REFUSALS, "service", wiring.service, "type", type, "reason",
                    reason).increment();
        }
    }
}
