package io.channelhub.transfer.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory directory for decider tests. */
final class TestDirectory implements Directory {
    private final Map<String, BillingAccount> accounts = new HashMap<>();
    private final Map<String, Organisation> isvs = new HashMap<>();
    private final Map<String, Organisation> resellers = new HashMap<>();

    TestDirectory withAccount(String id, String resellerId) {
        accounts.put(id, new BillingAccount(id, "CUST-" + id, "Customer of " + id, "billing@" + id.toLowerCase()
                + ".example", resellerId));
        return this;
    }

    TestDirectory withIsv(String id) {
        isvs.put(id, new Organisation(id, "ISV " + id, "partners@" + id.toLowerCase() + ".example"));
        return this;
    }

    TestDirectory withReseller(String id) {
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
}
