package io.channelhub.platform.directory;

import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.OfferListed;
import io.channelhub.directory.event.ResellerRegistered;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The domain's {@link Directory} over the global directory store (keys {@code account:}, {@code isv:},
 * {@code reseller:}, {@code offer:}).
 */
public class DirectoryView implements Directory {

    private final ReadOnlyKeyValueStore<String, SpecificRecord> store;

    public DirectoryView(ReadOnlyKeyValueStore<String, SpecificRecord> store) {
        this.store = store;
    }

    @Override
    public Optional<BillingAccount> account(String id) {
        return lookup("account:" + id, BillingAccountRegistered.class).map(a -> new BillingAccount(
                a.getBillingAccountId(), a.getCustomerId(), a.getCustomerName(), a.getContactEmail(),
                a.getResellerId(), a.getDisplayName()));
    }

    @Override
    public Optional<Organisation> isv(String id) {
        return lookup("isv:" + id, IsvRegistered.class).map(i -> new Organisation(i.getIsvId(), i.getName(),
                i.getContactEmail()));
    }

    @Override
    public boolean resaleEnabled(String id) {
        return lookup("isv:" + id, IsvRegistered.class).map(IsvRegistered::getResaleEnabled).orElse(false);
    }

    @Override
    public Optional<Organisation> reseller(String id) {
        return lookup("reseller:" + id, ResellerRegistered.class).map(r -> new Organisation(r.getResellerId(),
                r.getName(), r.getContactEmail()));
    }

    @Override
    public Optional<Offer> offer(String id) {
        return lookup("offer:" + id, OfferListed.class).map(o -> new Offer(o.getOfferId(), o.getOfferName(),
                o.getProductName(), o.getIsvId()));
    }

    private <T> Optional<T> lookup(String key, Class<T> type) {
        return Optional.ofNullable(store.get(key)).filter(type::isInstance).map(type::cast);
    }
}
