package io.channelhub.transfer.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** In-memory facts for decider tests: directory entries and entitlements. */
final class TestFacts implements Facts {
    private final Map<String, BillingAccount> accounts = new HashMap<>();
    private final Map<String, Organisation> isvs = new HashMap<>();
    private final Map<String, Organisation> resellers = new HashMap<>();
    private final Map<String, Entitlement> entitlements = new HashMap<>();

    TestFacts withAccount(String id, String resellerId) {
        accounts.put(id, new BillingAccount(id, "CUST-" + id, "Customer of " + id, "billing@" + id.toLowerCase()
                + ".example", resellerId));
        return this;
    }

    TestFacts withIsv(String id) {
        isvs.put(id, new Organisation(id, "ISV " + id, "partners@" + id.toLowerCase() + ".example"));
        return this;
    }

    TestFacts withReseller(String id) {
        resellers.put(id, new Organisation(id, "Reseller " + id, "sales@" + id.toLowerCase() + ".example"));
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
}
