package io.channelhub.billing.domain.migration;

import io.channelhub.pricing.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A postpaid charge of the migrated reseller that migration credit might go against (B6).
 *
 * @param chargeId           the invoice line or charge it stands for
 * @param accountFirstSeenAt when the customer's account was first seen: after the migration means a new customer
 * @param amount             what the charge costs the reseller, after discounts (the invoice line's net)
 */
public record CreditCandidateCharge(String chargeId, String billingAccountId, CustomerKind customerKind,
                                    ProductType productType, Instant accountFirstSeenAt, Money amount) {

    public CreditCandidateCharge {
        Objects.requireNonNull(chargeId, "chargeId");
        Objects.requireNonNull(billingAccountId, "billingAccountId");
        Objects.requireNonNull(customerKind, "customerKind");
        Objects.requireNonNull(productType, "productType");
        Objects.requireNonNull(accountFirstSeenAt, "accountFirstSeenAt");
        Objects.requireNonNull(amount, "amount");
    }
}
