package io.channelhub.billing.domain.reseller;

import io.channelhub.pricing.Money;

/** What a reseller orders (R2): a SKU, how many, and the retail unit price. The decider validates it. */
public record OrderLine(String sku, int quantity, Money retailUnitPrice) {
}
