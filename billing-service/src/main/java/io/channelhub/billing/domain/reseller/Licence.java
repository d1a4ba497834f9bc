package io.channelhub.billing.domain.reseller;

import io.channelhub.platform.ids.EventIds;
import java.util.List;
import java.util.Objects;

/** A released licence for one order line (R2). Its key derives from the order and line, so a replay issues the same key. */
public record Licence(int line, String sku, int quantity, String key) {

    public Licence {
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(key, "key");
    }

    static List<Licence> issue(String orderId, List<OrderPricing.Line> lines) {
        return lines.stream()
                .map(l -> new Licence(l.number(), l.sku(), l.quantity(), key("licence", orderId, l.number())))
                .toList();
    }

    static String key(String kind, String orderId, int line) {
        return EventIds.derive(orderId, kind, line);
    }
}
