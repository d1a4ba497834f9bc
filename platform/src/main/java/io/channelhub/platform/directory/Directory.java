package io.channelhub.platform.directory;

import java.util.Optional;

/**
 * What the rules need to know about the parties: upstream's directory.events as each service's reference table
 * ({@link DirectoryView}). Plain Java, so the services' domains can depend on it.
 */
public interface Directory {

    Optional<BillingAccount> account(String billingAccountId);

    Optional<Organisation> isv(String isvId);

    Optional<Organisation> reseller(String resellerId);

    /** An offer's names (issue 23: e-mails name what is transferred); empty for an offer upstream never listed. */
    Optional<Offer> offer(String offerId);

    /** D2: whether the ISV lets resellers resell its products (false for an unknown ISV). */
    boolean resaleEnabled(String isvId);

    /**
     * A customer's billing account; {@code resellerId} is null for a direct account, {@code displayName} for one
     * its owner gave no name.
     */
    record BillingAccount(String id, String customerId, String customerName, String contactEmail, String resellerId,
            String displayName) {
        public boolean direct() {
            return resellerId == null;
        }
    }

    /** An ISV or a reseller: who to ask for consent. */
    record Organisation(String id, String name, String contactEmail) {
    }

    /** An offer of one product of an ISV, as people name them. */
    record Offer(String id, String name, String productName, String isvId) {
    }
}
