package io.channelhub.billing.stream;

import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.discount.event.DiscountTerms;
import io.channelhub.pricing.DiscountHistory;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Billing's table of the discounts given through each reseller: per discount, the event that last changed whether
 * it is in effect. A start replayed after the end or cancellation changes nothing (X2); {@link DiscountHistory}
 * turns the stored event into the interval the discount was in effect.
 */
final class DiscountTermsProcessor implements Processor<String, SpecificRecord, Void, Void> {

    private KeyValueStore<String, SpecificRecord> terms;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        terms = context.getStateStore(BillingTopology.DISCOUNT_TERMS_STORE);
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        DiscountTerms discount = DiscountRekeyProcessor.terms(record.value());
        if (discount == null) {
            return;
        }
        String key = DiscountHistory.key(discount);
        if (record.value() instanceof DiscountStarted && terms.get(key) != null) {
            return;
        }
        terms.put(key, record.value());
    }
}
