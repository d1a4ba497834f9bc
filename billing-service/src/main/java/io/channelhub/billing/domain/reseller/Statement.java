package io.channelhub.billing.domain.reseller;

import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * R5: the month-start statement of an established reseller's unpaid orders. Interest is what accrued by
 * {@code date}; it is charged at payment, for every day overdue by then.
 */
public record Statement(String resellerId, LocalDate date, List<Line> lines, Money ordersTotal, Money interestTotal,
                        Money amountDue) {

    public record Line(String orderId, LocalDate orderDate, LocalDate dueDate, OrderStatus status, Money total,
                       long daysOverdue, Money interest, Money amountDue) {
    }

    public Statement {
        Objects.requireNonNull(date, "date");
        lines = List.copyOf(lines);
        if (!amountDue.sameAs(ordersTotal.plus(interestTotal))) {
            throw new IllegalArgumentException("Statement amount due " + amountDue + " is not its orders and interest");
        }
    }

    static Statement of(ResellerAccount reseller, LocalDate date, BigDecimal annualInterestPercent) {
        List<Line> lines = reseller.unpaidOrders().stream().map(o -> {
            Money interest = o.interestOn(date, annualInterestPercent);
            return new Line(o.id(), o.orderDate(), o.dueDate(), o.status(), o.total(), o.daysOverdue(date), interest,
                    o.total().plus(interest));
        }).toList();
        Money zero = Money.zero(reseller.currency().orElseThrow());
        Money orders = lines.stream().map(Line::total).reduce(zero, Money::plus);
        Money interest = lines.stream().map(Line::interest).reduce(zero, Money::plus);
        return new Statement(reseller.resellerId(), date, lines, orders, interest, orders.plus(interest));
    }
}
