package io.channelhub.billing.stream;

import io.channelhub.discount.event.DiscountCancelled;
import io.channelhub.discount.event.DiscountEnded;
import io.channelhub.discount.event.DiscountStarted;
import io.channelhub.discount.event.DiscountTerms;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The discount events that put a discount in effect or take it out (D8–D10 need nothing else), re-keyed from
 * {@code <isvId>|<resellerId>} to the reseller: billing's payer key.
 */
final class DiscountRekeyProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private ProcessorContext<String, SpecificRecord> context;

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        DiscountTerms terms = terms(record.value());
        if (terms != null) {
            context.forward(record.withKey(terms.getResellerId()), BillingTopology.DISCOUNTS_SINK);
        }
    }

    static DiscountTerms terms(SpecificRecord event) {
        if (event instanceof DiscountStarted started) {
            return started.getTerms();
        }
        if (event instanceof DiscountEnded ended) {
            return ended.getTerms();
        }
        if (event instanceof DiscountCancelled cancelled && cancelled.getWasInEffect()) {
            return cancelled.getTerms();
        }
        return null;
    }
}
