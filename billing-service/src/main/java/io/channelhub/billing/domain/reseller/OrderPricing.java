package io.channelhub.billing.domain.reseller;

import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An order's money (R1, R2, R6): lines at retail less the reseller discount, each rounded half-up to the cent, then
 * sales tax on the order's net, rounded once. The constructor checks the sums, so no order holds figures that
 * do not add up.
 */
public record OrderPricing(List<Line> lines, BigDecimal discountPercent, Money subtotal, Money discount, Money net,
                           BigDecimal salesTaxPercent, Money salesTax, Money total) {

    /** One line: retail = quantity × unit, discount = retail × percent, net = retail − discount. */
    public record Line(int number, String sku, int quantity, Money retailUnitPrice, Money retail, Money discount,
                       Money net) {
        public Line {
            Objects.requireNonNull(sku, "sku");
            if (!retail.sameAs(retailUnitPrice.times(quantity).rounded()) || !net.sameAs(retail.minus(discount))) {
                throw new IllegalArgumentException("Line " + number + " does not add up");
            }
        }
    }

    public OrderPricing {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order needs a line");
        }
        Money retails = Money.zero(total.currency());
        Money discounts = retails;
        for (Line line : lines) {
            retails = retails.plus(line.retail());
            discounts = discounts.plus(line.discount());
        }
        if (!subtotal.sameAs(retails) || !discount.sameAs(discounts) || !net.sameAs(subtotal.minus(discount))
                || !salesTax.sameAs(SalesTax.on(net, salesTaxPercent)) || !total.sameAs(net.plus(salesTax))) {
            throw new IllegalArgumentException("Order figures do not add up: subtotal " + subtotal + ", discount "
                    + discount + ", net " + net + ", tax " + salesTax + ", total " + total);
        }
    }

    /** Prices validated lines (same currency, positive quantities) at the reseller's discount and tax percent. */
    public static OrderPricing price(List<OrderLine> orderLines, BigDecimal discountPercent,
                                     BigDecimal salesTaxPercent) {
        List<Line> lines = new ArrayList<>();
        Money subtotal = Money.zero(orderLines.get(0).retailUnitPrice().currency());
        Money discount = subtotal;
        for (OrderLine ordered : orderLines) {
            Money retail = ordered.retailUnitPrice().times(ordered.quantity()).rounded();
            Money off = retail.percent(discountPercent).rounded(); // half-up at the line
            lines.add(new Line(lines.size() + 1, ordered.sku(), ordered.quantity(), ordered.retailUnitPrice(),
                    retail, off, retail.minus(off)));
            subtotal = subtotal.plus(retail);
            discount = discount.plus(off);
        }
        Money net = subtotal.minus(discount);
        Money tax = SalesTax.on(net, salesTaxPercent);
        return new OrderPricing(lines, discountPercent, subtotal, discount, net, salesTaxPercent, tax, net.plus(tax));
    }

    public Currency currency() {
        return total.currency();
    }
}
