package io.channelhub.discount.stream;

import io.channelhub.discount.domain.BookChange;
import io.channelhub.discount.domain.DiscountDecider;
import io.channelhub.discount.event.DiscountActionRefused;
import io.channelhub.discount.event.DiscountRefusal;
import io.channelhub.discount.event.DiscountRefused;
import io.channelhub.discount.state.Discount;
import io.channelhub.discount.state.DiscountBook;
import io.channelhub.platform.dedupe.AppliedEventIds;
import io.channelhub.platform.dedupe.Dedupe;
import io.channelhub.platform.deadlines.DeadlineIndex;
import io.channelhub.platform.directory.DirectoryView;
import io.channelhub.platform.event.ClockTicked;
import io.channelhub.platform.metrics.MetricNames;
import io.channelhub.platform.streams.Unsupported;
import io.channelhub.schemas.Events;
import io.channelhub.schemas.Topics;
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
 * Discount commands and clock ticks: dedupe, fire what is due, decide, emit, keep the book and its deadline.
 * Nothing here decides anything; that is {@link DiscountDecider}'s.
 */
final class DiscountCommandProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private final DiscountDecider decider;
    private final MeterRegistry registry;
    private final Duration dedupeRetention;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, DiscountBook> books;
    private KeyValueStore<String, String> discountIds;
    private DeadlineIndex deadlines;
    private AppliedEventIds applied;
    private DirectoryView directory;

    DiscountCommandProcessor(DiscountDecider decider, MeterRegistry registry, Duration dedupeRetention) {
        this.decider = decider;
        this.registry = registry;
        this.dedupeRetention = dedupeRetention;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        books = context.getStateStore(DiscountTopology.BOOKS_STORE);
        discountIds = context.getStateStore(DiscountTopology.DISCOUNT_IDS_STORE);
        deadlines = DeadlineIndex.from(context, DiscountTopology.DEADLINES_STORE);
        applied = AppliedEventIds.from(context, DiscountTopology.COMMANDS);
        directory = new DirectoryView(context.getStateStore(DiscountTopology.DIRECTORY_STORE));
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord command = record.value();
        if (!DiscountDecider.accepts(command)) {
            Unsupported.record(registry, DiscountTopology.SERVICE, Topics.DISCOUNTS_COMMANDS, command);
            return;
        }
        if (command instanceof ClockTicked tick) {
            tick(tick, record.timestamp());
            return;
        }
        if (!Dedupe.firstTime(applied, command, registry, DiscountTopology.SERVICE, Topics.DISCOUNTS_COMMANDS)) {
            return;
        }
        String key = Objects.requireNonNullElse(record.key(), "no-key");
        Instant now = Events.meta(command).getOccurredAt();
        // D3: a lapse, start or end already due at the command's time happens first, tick or no tick
        DiscountBook book = apply(key, books.get(key), decider.deadlines(books.get(key), now), record.timestamp());
        apply(key, book, decider.decide(command, book, directory, now), record.timestamp());
    }

    private void tick(ClockTicked tick, long timestamp) {
        applied.forgetBefore(tick.getAt().toEpochMilli() - dedupeRetention.toMillis());
        for (String key : deadlines.takeDue(tick.getAt())) {
            DiscountBook book = books.get(key);
            DiscountBook after = apply(key, book, decider.deadlines(book, tick.getAt()), timestamp);
            DiscountDecider.nextDeadline(after).ifPresent(at -> deadlines.schedule(key, at));
        }
    }

    /** Emits the change's events, stores the book and moves its deadline; returns the book after. */
    private DiscountBook apply(String key, DiscountBook before, BookChange change, long timestamp) {
        for (SpecificRecord event : change.events()) {
            context.forward(new Record<>(key, event, timestamp), DiscountTopology.EVENTS_SINK);
            count(event);
        }
        DiscountBook after = change.book();
        if (after == null) {
            return before;
        }
        books.put(key, after);
        for (Discount discount : after.getDiscounts()) {
            discountIds.putIfAbsent(discount.getTerms().getDiscountId(), key);
        }
        Optional<Instant> was = DiscountDecider.nextDeadline(before);
        Optional<Instant> next = DiscountDecider.nextDeadline(after);
        if (!was.equals(next)) {
            was.ifPresent(at -> deadlines.cancel(key, at));
            next.ifPresent(at -> deadlines.schedule(key, at));
        }
        return after;
    }

    private void count(SpecificRecord event) {
        String type = event.getClass().getSimpleName();
        registry.counter(MetricNames.OUTCOMES, "service", DiscountTopology.SERVICE, "type", type).increment();
        if (event instanceof DiscountRefused refused) {
            for (DiscountRefusal reason : refused.getReasons()) {
                refusal(type, reason);
            }
        } else if (event instanceof DiscountActionRefused refused) {
            refusal(type, refused.getReason());
        }
    }

    private void refusal(String type, DiscountRefusal reason) {
        registry.counter(MetricNames.REFUSALS, "service", DiscountTopology.SERVICE, "type", type, "reason",
                reason.getCode()).increment();
    }
}
