package io.channelhub.billing.stream;

import io.channelhub.billing.domain.invoice.PayerBilling;
import io.channelhub.billing.domain.invoice.RevenueShares;
import io.channelhub.billing.domain.migration.MigrationBook;
import io.channelhub.billing.domain.migration.MigrationState;
import io.channelhub.billing.domain.subscription.PriceList;
import io.channelhub.platform.directory.Directory;
import io.channelhub.platform.directory.DirectoryView;
import io.channelhub.pricing.DiscountHistory;
import io.channelhub.pricing.DiscountTerm;
import io.channelhub.pricing.event.RevenueShareSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What a payer's rules read, from the task's stores: the directory and price list (global tables), the migration
 * (written by the migration's host) and the discounts given through the payer (written by the discount terms).
 */
final class StorePayerFacts implements PayerBilling.Facts {

    private final Directory directory;
    private final ReadOnlyKeyValueStore<String, SpecificRecord> prices;
    private final PriceList priceList;
    private final ReadOnlyKeyValueStore<String, MigrationBook> migrations;
    private final ReadOnlyKeyValueStore<String, SpecificRecord> discountTerms;

    StorePayerFacts(ProcessorContext<String, SpecificRecord> context) {
        directory = new DirectoryView(context.getStateStore(BillingTopology.DIRECTORY_STORE));
        prices = context.getStateStore(BillingTopology.PRICES_STORE);
        priceList = new StorePriceList(prices);
        migrations = context.getStateStore(BillingTopology.MIGRATIONS_STORE);
        discountTerms = context.getStateStore(BillingTopology.DISCOUNT_TERMS_STORE);
    }

    @Override
    public PriceList prices() {
        return priceList;
    }

    @Override
    public Optional<Directory.Organisation> payer(String payerId) {
        return directory.reseller(payerId);
    }

    @Override
    public MigrationState migration(String payerId) {
        return MigrationBook.migrationOf(migrations.get(payerId));
    }

    /** D8–D10: the discounts given through this payer, as the intervals they were in effect. */
    @Override
    public List<DiscountTerm> terms(String payerId) {
        List<DiscountTerm> terms = new ArrayList<>();
        try (KeyValueIterator<String, SpecificRecord> all = discountTerms.prefixScan(payerId + "|",
                new StringSerializer())) {
            all.forEachRemaining(entry -> DiscountHistory.fold(null, entry.value).ifPresent(terms::add));
        }
        return terms;
    }

    /** D6: each ISV's rate from prices.events, 3% where none is set. */
    @Override
    public RevenueShares revenueShares() {
        Map<String, BigDecimal> rates = new HashMap<>();
        try (KeyValueIterator<String, SpecificRecord> all = prices.prefixScan("revenue-share:",
                new StringSerializer())) {
            all.forEachRemaining(entry -> {
                if (entry.value instanceof RevenueShareSet set) {
                    rates.put(set.getIsvId(), set.getPercent());
                }
            });
        }
        return new RevenueShares(rates);
    }
}
