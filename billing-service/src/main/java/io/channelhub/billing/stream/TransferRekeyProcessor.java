package io.channelhub.billing.stream;

import io.channelhub.entitlement.event.EntitlementMoved;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Completed transfers away from a reseller, re-keyed from the entitlement to that reseller: its task holds the
 * subscription. Other entitlement facts, and transfers from direct accounts (no postpaid subscription to move),
 * are not billing's.
 */
final class TransferRekeyProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private ProcessorContext<String, SpecificRecord> context;

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        if (record.value() instanceof EntitlementMoved moved && moved.getFromResellerId() != null) {
            context.forward(record.withKey(moved.getFromResellerId()), BillingTopology.TRANSFERS_SINK);
        }
    }
}
