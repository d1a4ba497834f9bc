package io.channelhub.billing.stream;

import io.channelhub.migration.event.MigrationRequested;
import io.channelhub.platform.event.ClockTicked;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * billing.commands carries the payers' commands and the migration's: each goes to the processor that decides it,
 * a tick to all (the reseller programme has a topic of its own, D-82). Routing only; each dedupes and decides on
 * its own. An opt-in also goes, after the migration decided it, to the payers' decider host, whose month-end run
 * then includes the migration month's prepaid invoice (B7).
 */
final class CommandRouter implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private final Predicate<SpecificRecord> migrationCommand;
    private ProcessorContext<String, SpecificRecord> context;

    CommandRouter(Predicate<SpecificRecord> migrationCommand) {
        this.migrationCommand = migrationCommand;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof ClockTicked) {
            context.forward(record);
        } else if (migrationCommand.test(record.value())) {
            context.forward(record, BillingTopology.MIGRATIONS);
            if (record.value() instanceof MigrationRequested) {
                context.forward(record, BillingTopology.COMMANDS);
            }
        } else {
            context.forward(record, BillingTopology.COMMANDS);
        }
    }
}
