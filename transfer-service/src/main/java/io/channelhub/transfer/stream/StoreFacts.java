package io.channelhub.transfer.stream;

import io.channelhub.entitlement.event.EntitlementActivated;
import io.channelhub.entitlement.event.EntitlementCancelled;
import io.channelhub.platform.directory.DirectoryView;
import io.channelhub.transfer.domain.Entitlement;
import io.channelhub.transfer.domain.Facts;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The domain's {@link Facts}: the task's entitlement store and the global directory. */
final class StoreFacts extends DirectoryView implements Facts {

    private final ReadOnlyKeyValueStore<String, SpecificRecord> entitlements;

    StoreFacts(ReadOnlyKeyValueStore<String, SpecificRecord> directory,
            ReadOnlyKeyValueStore<String, SpecificRecord> entitlements) {
        super(directory);
        this.entitlements = entitlements;
    }

    @Override
    public Optional<Entitlement> entitlement(String entitlementId) {
        SpecificRecord fact = entitlements.get(entitlementId);
        if (fact instanceof EntitlementActivated e) {
            return Optional.of(new Entitlement(e.getEntitlementId(), e.getOfferId(), e.getIsvId(),
                    e.getBillingAccountId(), true));
        }
        if (fact instanceof EntitlementCancelled c) {
            return Optional.of(new Entitlement(c.getEntitlementId(), null, null, null, false));
        }
        return Optional.empty();
    }
}
