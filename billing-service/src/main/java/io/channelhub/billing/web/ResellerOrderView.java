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
 * A reseller programme order as its reseller reads it (R2–R6): the ship-to, the money (written to the cent,
 * D-100) and how far it got, with its licences once released. For the reseller and
 * operators only; the end customer sees {@link io.channelhub.billing.domain.reseller.CustomerView} (R7).
 *
 * @param temporaryLicence R4, while held, if the reseller asked for one; null otherwise
 */
record ResellerOrderView(String orderId, Instant placedAt, OrderStatus status, LocalDate dueDate, Instant paidAt,
        ShipTo shipTo, String currency, List<Line> lines, Money subtotal, BigDecimal discountPercent,
        Money discount, Money net, BigDecimal salesTaxPercent, Money salesTax, Money total, Money interestCharged,
        List<LicenceView> licences, TemporaryLicenceView temporaryLicence) {

    record ShipTo(String name, String email) {
    }

    record Line(int number, String sku, int quantity, Money retailUnitPrice, Money retail, Money discount,
            Money net) {

        static Line of(OrderPricing.Line l) {
            return new Line(l.number(), l.sku(), l.quantity(), l.retailUnitPrice(), l.retail(), l.discount(),
                    l.net());
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
                p.lines().stream().map(Line::of).toList(), p.subtotal(), p.discountPercent(), p.discount(),
                p.net(), p.salesTaxPercent(), p.salesTax(), p.total(), o.interestCharged(), o.licences().stream().map(LicenceView::of).toList(),
                TemporaryLicenceView.of(o.temporaryLicence()));
    }
}
