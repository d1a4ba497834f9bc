package io.channelhub.transfer.stream;

import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.entitlement.event.EntitlementCancelled;
import io.channelhub.entitlement.event.EntitlementMoved;
import io.channelhub.platform.streams.Unsupported;
import io.channelhub.schemas.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Entitlement facts, folded into the latest fact per entitlement: activated (where it sits), moved (it sits on
 * the target account now, including moves this service decided, which come back through the topic), cancelled.
 */
final class EntitlementFactProcessor implements Processor<String, SpecificRecord, Void, Void> {

    private final MeterRegistry registry;
    private KeyValueStore<String, SpecificRecord> entitlements;

    EntitlementFactProcessor(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        entitlements = context.getStateStore(TransferTopology.ENTITLEMENTS_STORE);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord fact = record.value();
        if (fact instanceof EntitlementActivated activated) {
            entitlements.put(activated.getEntitlementId(), activated);
        } else if (fact instanceof EntitlementMoved moved) {
            entitlements.put(moved.getEntitlementId(), EntitlementActivated.newBuilder()
                    .setMeta(moved.getMeta())
                    .setEntitlementId(moved.getEntitlementId())
                    .setOfferId(moved.getOfferId())
                    .setIsvId(moved.getIsvId())
                    .setBillingAccountId(moved.getToBillingAccountId())
                    .build());
        } else if (fact instanceof EntitlementCancelled cancelled) {
            entitlements.put(cancelled.getEntitlementId(), cancelled);
        } else {
            Unsupported.record(registry, TransferTopology.SERVICE, Topics.ENTITLEMENTS_EVENTS, fact);
        }
    }
}
