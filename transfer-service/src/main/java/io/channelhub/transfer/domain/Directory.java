package io.channelhub.transfer.domain;

import java.util.Optional;

/** What the transfer rules need to know about the parties; backed by the directory reference table. */
public interface Directory {

    Optional<BillingAccount> account(String billingAccountId);

    Optional<Organisation> isv(String isvId);

    Optional<Organisation> reseller(String resellerId);

    /** A customer's billing account; {@code resellerId} is null for a direct account. */
    record BillingAccount(String id, String customerId, String customerName, String contactEmail, String resellerId) {
        public boolean direct() {
            return resellerId == null;
        }
    }

    /** An ISV or a reseller: who to ask for consent. */
    record Organisation(String id, String name, String contactEmail) {
    }
}
