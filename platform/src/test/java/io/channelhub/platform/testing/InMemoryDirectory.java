package io.channelhub.platform.testing;

import io.channelhub.platform.directory.Directory;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The directory for decider tests: parties with predictable names and addresses derived from their ids. */
public final class InMemoryDirectory implements Directory {
    private final Map<String, BillingAccount> accounts = new HashMap<>();
    private final Map<String, Organisation> isvs = new HashMap<>();
    private final Map<String, Organisation> resellers = new HashMap<>();
    private final Map<String, Offer> offers = new HashMap<>();
    private final Set<String> resaleEnabled = new HashSet<>();

    /** A billing account; {@code resellerId} null for a direct one. */
    public InMemoryDirectory withAccount(String id, String resellerId) {
        accounts.put(id, new BillingAccount(id, "CUST-" + id, "Customer of " + id, "billing@" + id.toLowerCase()
                + ".example", resellerId, "Account " + id));
        return this;
    }

    /** An offer named after its id: "Offer O-1" of "Product of O-1". */
    public InMemoryDirectory withOffer(String id, String isvId) {
        offers.put(id, new Offer(id, "Offer " + id, "Product of " + id, isvId));
        return this;
    }

    /** An ISV that has resale enabled. */
    public InMemoryDirectory withIsv(String id) {
        resaleEnabled.add(id);
        return withIsvWithoutResale(id);
    }

    public InMemoryDirectory withIsvWithoutResale(String id) {
        isvs.put(id, new Organisation(id, "ISV " + id, "partners@" + id.toLowerCase() + ".example"));
        return this;
    }

    public InMemoryDirectory withReseller(String id) {
        resellers.put(id, new Organisation(id, "Reseller " + id, "sales@" + id.toLowerCase() + ".example"));
        return this;
    }

    @Override
    public Optional<BillingAccount> account(String id) {
        return Optional.ofNullable(accounts.get(id));
    }

    @Override
    public Optional<Organisation> isv(String id) {
        return Optional.ofNullable(isvs.get(id));
    }

    @Override
    public Optional<Organisation> reseller(String id) {
        return Optional.ofNullable(resellers.get(id));
    }

    @Override
    public Optional<Offer> offer(String id) {
        return Optional.ofNullable(offers.get(id));
    }

    @Override
    public boolean resaleEnabled(String isvId) {
        return resaleEnabled.contains(isvId);
    }
}
