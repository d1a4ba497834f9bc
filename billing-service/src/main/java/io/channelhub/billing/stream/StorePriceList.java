package io.channelhub.billing.stream;

import io.channelhub.billing.domain.subscription.Plan;
import io.channelhub.billing.domain.subscription.PriceList;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.event.PriceListed;
import io.channelhub.pricing.event.ResellerMarginSet;
import java.math.BigDecimal;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The domain's {@link PriceList}: the global table of prices.events, as {@code ReferenceTable} keys it. */
final class StorePriceList implements PriceList {

    private final ReadOnlyKeyValueStore<String, SpecificRecord> prices;

    StorePriceList(ReadOnlyKeyValueStore<String, SpecificRecord> prices) {
        this.prices = prices;
    }

    @Override
    public Money listPerUserYear(String sku, Plan plan) {
        return prices.get("price:" + sku + ":" + plan.name()) instanceof PriceListed listed
                ? AvroMoney.fromAvro(listed.getListPerUserYear()) : null;
    }

    @Override
    public BigDecimal marginPercent(String resellerId) {
        return prices.get("margin:" + resellerId) instanceof ResellerMarginSet set ? set.getPercent() : null;
    }
}
