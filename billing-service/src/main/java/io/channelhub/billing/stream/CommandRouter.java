package io.channelhub.billing.stream;

import io.channelhub.platform.event.ClockTicked;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * billing.commands carries the payer's commands and the reseller programme's: each goes to the one processor that
 * decides it, a tick to both. Routing only; each side dedupes and decides on its own.
 */
final class CommandRouter implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private final Predicate<SpecificRecord> resellerCommand;
    private ProcessorContext<String, SpecificRecord> context;

    CommandRouter(Predicate<SpecificRecord> resellerCommand) {
        this.resellerCommand = resellerCommand;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof ClockTicked) {
            context.forward(record);
        } else if (resellerCommand.test(record.value())) {
            context.forward(record, BillingTopology.RESELLERS);
        } else {
            context.forward(record, BillingTopology.COMMANDS);
        }
    }
}
