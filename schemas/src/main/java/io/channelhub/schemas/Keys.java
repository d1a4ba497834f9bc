package io.channelhub.schemas;

/** Record keys that more than one service builds: producers and consumers must agree on them byte for byte. */
public final class Keys {
    private Keys() {
    }

    /** discounts.commands / discounts.events: every discount of one ISV through one reseller shares a key (D4). */
    public static String discounts(String isvId, String resellerId) {
        return isvId + "|" + resellerId;
    }
}
