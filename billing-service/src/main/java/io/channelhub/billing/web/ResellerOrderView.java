package io.channelhub.billing.web;

import io.channelhub.billing.domain.reseller.Licence;
import io.channelhub.billing.domain.reseller.OrderPricing;
import io.channelhub.billing.domain.reseller.OrderStatus;
import io.channelhub.billing.domain.reseller.ResellerOrder;
import io.channelhub.billing.domain.reseller.TemporaryLicence;
import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A reseller programme order as its reseller reads it (R2–R6): the ship-to, the money (amounts as decimals to the
 * cent in the order's currency) and how far it got, with its licences once released. For the reseller and
 * operators only; the end customer sees {@link io.channelhub.billing.domain.reseller.CustomerView} (R7).
 *
 * @param temporaryLicence R4, while held, if the reseller asked for one; null otherwise
 */
record ResellerOrderView(String orderId, Instant placedAt, OrderStatus status, LocalDate dueDate, Instant paidAt,
        ShipTo shipTo, String currency, List<Line> lines, BigDecimal subtotal, BigDecimal discountPercent,
        BigDecimal discount, BigDecimal net, BigDecimal salesTaxPercent, BigDecimal salesTax, BigDecimal total,
        BigDecimal interestCharged, List<LicenceView> licences, TemporaryLicenceView temporaryLicence) {

    record ShipTo(String name, String email) {
    }

    record Line(int number, String sku, int quantity, BigDecimal retailUnitPrice, BigDecimal retail,
            BigDecimal discount, BigDecimal net) {

        static Line of(OrderPricing.Line l) {
            return new Line(l.number(), l.sku(), l.quantity(), cents(l.retailUnitPrice()), cents(l.retail()),
                    cents(l.discount()), cents(l.net()));
        }
    }

    record LicenceView(int line, String sku, int quantity, String licenceKey) {

        static LicenceView of(Licence l) {
            return new LicenceView(l.line(), l.sku(), l.quantity(), l.key());
        }
    }

    record TemporaryLicenceView(String licenceKey, Instant expiresAt) {

        static TemporaryLicenceView of(TemporaryLicence t) {
            return t == null ? null : new TemporaryLicenceView(t.key(), t.expiresAt());
        }
    }

    static ResellerOrderView of(ResellerOrder o) {
        OrderPricing p = o.pricing();
        return new ResellerOrderView(o.id(), o.placedAt(), o.status(), o.dueDate(), o.paidAt(),
                new ShipTo(o.shipTo().name(), o.shipTo().email()), p.currency().getCurrencyCode(),
                p.lines().stream().map(Line::of).toList(), cents(p.subtotal()), p.discountPercent(),
                cents(p.discount()), cents(p.net()), p.salesTaxPercent(), cents(p.salesTax()), cents(p.total()),
                cents(o.interestCharged()), o.licences().stream().map(LicenceView::of).toList(),
                TemporaryLicenceView.of(o.temporaryLicence()));
    }

    private static BigDecimal cents(Money money) {
        return money.rounded().amount();
    }
}
