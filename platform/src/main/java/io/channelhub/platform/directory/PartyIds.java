package io.channelhub.platform.directory;

import io.channelhub.directory.event.BillingAccountRegistered;
import io.channelhub.directory.event.IsvRegistered;
import io.channelhub.directory.event.ResellerRegistered;
import io.channelhub.platform.metrics.KnownSeries;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Issue 18: a party id names one party of one kind. A registration whose id already names a party of another
 * kind in the directory (a reseller with an ISV's id, an ISV with a customer's, a billing account whose customer
 * id is a reseller's) is refused: were it taken, two parties would share an id, and wherever an id is compared
 * without its kind one would read as the other. Re-registering the same party (same kind) is an update, not a
 * collision.
 */
public final class PartyIds {

    /** The refusal's reason, in the refusal counter and the dead letter's headers. */
    public static final String TAKEN = "PARTY_ID_TAKEN";

    private static final StringSerializer KEYS = new StringSerializer();

    private PartyIds() {
    }

    /** The refusals {@link #refusal} can count for a service, at 0 from its start (docs/metrics.md). */
    public static KnownSeries knownRefusals(String service) {
        return KnownSeries.refusals(service, List.of(IsvRegistered.class, ResellerRegistered.class,
                BillingAccountRegistered.class), List.of(TAKEN));
    }

    /**
     * Why this registration is refused, or empty to admit it.
     *
     * @param directory the directory as admitted so far (the global store: keys {@code isv:}, {@code reseller:},
     *        {@code account:})
     */
    public static Optional<String> refusal(SpecificRecord event, ReadOnlyKeyValueStore<String, SpecificRecord>
            directory) {
        if (event instanceof IsvRegistered isv) {
            return takenBy(isv.getIsvId(), "isv", directory, "reseller", true);
        }
        if (event instanceof ResellerRegistered reseller) {
            return takenBy(reseller.getResellerId(), "reseller", directory, "isv", true);
        }
        if (event instanceof BillingAccountRegistered account) {
            return takenBy(account.getCustomerId(), "customer", directory, "isv", false)
                    .or(() -> takenBy(account.getCustomerId(), "customer", directory, "reseller", false));
        }
        return Optional.empty();
    }

    private static Optional<String> takenBy(String id, String kind, ReadOnlyKeyValueStore<String, SpecificRecord>
            directory, String otherOrganisation, boolean orCustomer) {
        if (directory.get(otherOrganisation + ":" + id) != null) {
            return Optional.of(TAKEN + ": the " + kind + " id " + id + " already names "
                    + (otherOrganisation.equals("isv") ? "an isv" : "a reseller"));
        }
        if (orCustomer && isCustomer(id, directory)) {
            return Optional.of(TAKEN + ": the " + kind + " id " + id + " already names a customer");
        }
        return Optional.empty();
    }

    /** Customers are known by their accounts only: a scan, for the rare registration of an organisation. */
    private static boolean isCustomer(String id, ReadOnlyKeyValueStore<String, SpecificRecord> directory) {
        try (var accounts = directory.prefixScan("account:", KEYS)) {
            while (accounts.hasNext()) {
                if (accounts.next().value instanceof BillingAccountRegistered account
                        && id.equals(account.getCustomerId())) {
                    return true;
                }
            }
        }
        return false;
    }
}
