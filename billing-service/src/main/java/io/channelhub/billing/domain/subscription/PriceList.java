package io.channelhub.billing.domain.subscription;

import io.channelhub.pricing.Money;
import java.math.BigDecimal;

/** B2: the reference data a plan is priced from (prices.events); the rules read it, never write it. */
public interface PriceList {

    /** The list price per user and year of a SKU on a plan, or null if none is listed. */
    Money listPerUserYear(String sku, Plan plan);

    /** The reseller's margin in percent, or null if none is set. */
    BigDecimal marginPercent(String resellerId);
}
