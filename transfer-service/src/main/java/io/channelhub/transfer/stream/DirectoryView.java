package io.channelhub.transfer.stream;

import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.transfer.domain.Directory;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The domain's {@link Directory} over the global directory store (keys {@code account:}, {@code isv:}, {@code reseller:}). */
class DirectoryView implements Directory {

    private final ReadOnlyKeyValueStore<String, SpecificRecord> store;

    DirectoryView(ReadOnlyKeyValueStore<String, SpecificRecord> store) {
        this.store = store;
    }

    @Override
    public Optional<BillingAccount> account(String id) {
        return lookup("account:" + id, BillingAccountRegistered.class).map(a -> new BillingAccount(
                a.getBillingAccountId(), a.getCustomerId(), a.getCustomerName(), a.getContactEmail(),
                a.getResellerId()));
    }

    @Override
    public Optional<Organisation> isv(String id) {
        return lookup("isv:" + id, IsvRegistered.class).map(i -> new Organisation(i.getIsvId(), i.getName(),
                i.getContactEmail()));
    }

    @Override
    public Optional<Organisation> reseller(String id) {
        return lookup("reseller:" + id, ResellerRegistered.class).map(r -> new Organisation(r.getResellerId(),
                r.getName(), r.getContactEmail()));
    }

    private <T> Optional<T> lookup(String key, Class<T> type) {
        return Optional.ofNullable(store.get(key)).filter(type::isInstance).map(type::cast);
    }
}
