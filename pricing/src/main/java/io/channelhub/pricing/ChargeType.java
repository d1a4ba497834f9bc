package io.channelhub.pricing;

/** What billing charges for; decides which instant picks the discount from the cut-over on (D8). */
public enum ChargeType {
    /** Upfront commitment for the offer term: discount fixed at acceptance, amendment or renewal. */
    COMMITMENT,
    /** Recurring flat fee: same treatment as a commitment. */
    FLAT_FEE,
    /** Metered usage: discount in effect when the usage is billed. */
    USAGE;

    /** True for the charge types whose discount is kept for the purchase (D8, D10). */
    public boolean keepsDiscountOfPurchase() {
        return this != USAGE;
    }
}
