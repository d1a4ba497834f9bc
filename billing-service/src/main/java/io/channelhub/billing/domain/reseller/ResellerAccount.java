package io.channelhub.billing.domain.reseller;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * An authorised reseller (R1) and every order it placed, oldest first: R4 looks at the first three, R5 at the
 * unpaid ones.
 *
 * @param country              ISO 3166 alpha-2, upper case
 * @param usState              two-letter state of a US reseller (R6: tax follows it); null outside the US
 * @param discountPercent      off retail on every order placed from now on (R1)
 * @param exemptionCertificate R6, US only, or null
 * @param onPrepay             R5: an order went overdue; new orders are held until paid until it is cleared
 * @param month                R5: the month the account is in; the next one starts with a statement
 */
public record ResellerAccount(String resellerId, String name, String email, String country, String usState,
                              BusinessType businessType, BigDecimal discountPercent,
                              ExemptionCertificate exemptionCertificate, List<ResellerOrder> orders,
                              boolean onPrepay, YearMonth month) {

    /** R4: a new reseller pays this many first orders before their licences are released. */
    public static final int FIRST_ORDERS_PAID_UPFRONT = 3;

    public ResellerAccount {
        Objects.requireNonNull(resellerId, "resellerId");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(discountPercent, "discountPercent");
        orders = List.copyOf(orders);
        if (isUs(country) == (usState == null)) {
            throw new IllegalArgumentException("Reseller " + resellerId + " in " + country + " with state " + usState);
        }
        if (orders.stream().map(ResellerOrder::id).distinct().count() < orders.size()
                || new HashSet<>(orders.stream().map(o -> o.pricing().currency()).toList()).size() > 1) {
            throw new IllegalArgumentException("Reseller " + resellerId + " has a repeated order id or two currencies");
        }
    }

    public boolean isUs() {
        return isUs(country);
    }

    /** Past its first three orders (R5): all three placed and paid. Until then every order is held (R4). */
    public boolean established() {
        return orders.size() >= FIRST_ORDERS_PAID_UPFRONT && orders.subList(0, FIRST_ORDERS_PAID_UPFRONT).stream()
                .allMatch(o -> o.status() == OrderStatus.PAID);
    }

    public Optional<ResellerOrder> order(String orderId) {
        return orders.stream().filter(o -> o.id().equals(orderId)).findFirst();
    }

    /** The currency of its orders, fixed by the first one; empty before. */
    public Optional<Currency> currency() {
        return orders.stream().findFirst().map(o -> o.pricing().currency());
    }

    public List<ResellerOrder> unpaidOrders() {
        return orders.stream().filter(o -> o.status() != OrderStatus.PAID).toList();
    }

    public List<ResellerOrder> overdueOrders(LocalDate asOf) {
        return orders.stream().filter(o -> o.overdueOn(asOf)).toList();
    }

    ResellerAccount withDiscount(BigDecimal percent) {
        return new ResellerAccount(resellerId, name, email, country, usState, businessType, percent,
                exemptionCertificate, orders, onPrepay, month);
    }

    ResellerAccount withCertificate(ExemptionCertificate certificate) {
        return new ResellerAccount(resellerId, name, email, country, usState, businessType, discountPercent,
                certificate, orders, onPrepay, month);
    }

    ResellerAccount withPrepay(boolean prepay) {
        return new ResellerAccount(resellerId, name, email, country, usState, businessType, discountPercent,
                exemptionCertificate, orders, prepay, month);
    }

    ResellerAccount inMonth(YearMonth next) {
        return new ResellerAccount(resellerId, name, email, country, usState, businessType, discountPercent,
                exemptionCertificate, orders, onPrepay, next);
    }

    /** Adds the order, or replaces the one with its id. */
    ResellerAccount withOrder(ResellerOrder order) {
        List<ResellerOrder> next = new ArrayList<>(orders);
        int at = IntStream.range(0, orders.size()).filter(i -> orders.get(i).id().equals(order.id()))
                .findFirst().orElse(-1);
        if (at < 0) {
            next.add(order);
        } else {
            next.set(at, order);
        }
        return new ResellerAccount(resellerId, name, email, country, usState, businessType, discountPercent,
                exemptionCertificate, next, onPrepay, month);
    }

    private static boolean isUs(String country) {
        return SalesTax.US.equals(country);
    }
}
