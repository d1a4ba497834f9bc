package io.channelhub.billing.domain.migration;

import java.util.ArrayList;
import java.util.List;

/**
 * A reseller's side of the move to postpaid (B5): its prepaid orders until it opts in, then its migration (the
 * credit earned, the trials still running).
 *
 * @param prepaidOrders as upstream recorded them before the opt-in, one per order id
 * @param migration     null until the reseller opts in
 */
public record MigrationBook(List<PrepaidOrder> prepaidOrders, MigrationState migration) {

    public MigrationBook {
        prepaidOrders = List.copyOf(prepaidOrders);
    }

    /** The migration of a book, or null: for readers of the store, which may hold no book for a reseller. */
    public static MigrationState migrationOf(MigrationBook book) {
        return book == null ? null : book.migration();
    }

    /** The order recorded, replacing an earlier record of it. */
    MigrationBook withOrder(PrepaidOrder order) {
        List<PrepaidOrder> orders = new ArrayList<>(prepaidOrders.stream()
                .filter(o -> !o.orderId().equals(order.orderId())).toList());
        orders.add(order);
        return new MigrationBook(orders, migration);
    }
}
