package io.channelhub.billing.domain.reseller;

import java.util.List;
import java.util.Objects;

/**
 * R7: what the end customer sees of an order: its id, SKUs and licences. It has no field for an amount, so a price
 * cannot leak to the customer through it.
 */
public record CustomerView(String orderId, List<Entry> licences) {

    public record Entry(String sku, int quantity, String licenceKey) {
    }

    public CustomerView {
        Objects.requireNonNull(orderId, "orderId");
        licences = List.copyOf(licences);
    }

    static CustomerView of(String orderId, List<Licence> licences) {
        return new CustomerView(orderId, licences.stream().map(l -> new Entry(l.sku(), l.quantity(), l.key()))
                .toList());
    }
}
