package io.channelhub.transfer.domain;

import io.channelhub.platform.testing.InMemoryDirectory;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory facts for decider tests: the test directory plus entitlements. */
final class TestFacts implements Facts {
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final Map<String, Entitlement> entitlements = new HashMap<>();

    TestFacts withAccount(String id, String resellerId) {
        directory.withAccount(id, resellerId);
        return this;
    }

    TestFacts withIsv(String id) {
        directory.withIsv(id);
        return this;
    }

    TestFacts withReseller(String id) {
        directory.withReseller(id);
        return this;
    }

    TestFacts withOffer(String id, String isvId) {
        directory.withOffer(id, isvId);
        return this;
    }

    TestFacts withEntitlement(String id, String account, boolean active) {
        entitlements.put(id, new Entitlement(id, "O-1", "ISV-1", account, active));
        return this;
    }

    @Override
    public Optional<Entitlement> entitlement(String id) {
        return Optional.ofNullable(entitlements.get(id));
    }

    @Override
    public Optional<BillingAccount> account(String id) {
        return directory.account(id);
    }

    @Override
    public Optional<Organisation> isv(String id) {
        return directory.isv(id);
    }

    @Override
    public Optional<Organisation> reseller(String id) {
        return directory.reseller(id);
    }

    @Override
    public Optional<Offer> offer(String id) {
        return directory.offer(id);
    }

    @Override
    public boolean resaleEnabled(String isvId) {
        return directory.resaleEnabled(isvId);
    }
}
