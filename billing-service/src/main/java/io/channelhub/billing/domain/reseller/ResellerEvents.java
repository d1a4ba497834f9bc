package io.channelhub.billing.domain.reseller;

import io.channelhub.billing.domain.Producer;
import io.channelhub.common.event.EventMeta;
import io.channelhub.platform.ids.EventIds;
import io.channelhub.pricing.AvroMoney;
import io.channelhub.pricing.Money;
import io.channelhub.reseller.event.Licence;
import io.channelhub.reseller.event.OrderLine;
import io.channelhub.reseller.event.ResellerAccountOpened;
import io.channelhub.reseller.event.ResellerOrderAccepted;
import io.channelhub.reseller.event.ResellerOrderReleased;
import io.channelhub.reseller.event.ResellerPaymentRecorded;
import io.channelhub.reseller.event.ResellerPrepayChanged;
import io.channelhub.reseller.event.ResellerStatementIssued;
import io.channelhub.reseller.event.StatementLine;
import io.channelhub.reseller.event.TemporaryLicenceIssued;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/** The reseller programme's outcomes (R1–R7) as the events others read; none decides anything. */
final class ResellerEvents {

    private ResellerEvents() {
    }

    /** The event of one outcome, if it has one (a changed discount or certificate is state only). */
    static Optional<SpecificRecord> of(ResellerOutcome outcome, ResellerAccount account, EventMeta cause, int index) {
        EventMeta meta = EventIds.causedBy(cause, outcome.getClass().getSimpleName(), index,
                Producer.BILLING);
        if (outcome instanceof ResellerOutcome.Registered registered) {
            return Optional.of(new ResellerAccountOpened(meta, account.resellerId(), account.name(), account.email(),
                    registered.discountPercent().setScale(2, RoundingMode.UNNECESSARY)));
        }
        if (outcome instanceof ResellerOutcome.OrderPlaced placed) {
            String holdReason = placed.placement() == ResellerOutcome.Placement.HELD_NEW_RESELLER ? "FIRST_ORDERS"
                    : placed.placement() == ResellerOutcome.Placement.HELD_PREPAY ? "PREPAY" : null;
            return Optional.of(new ResellerOrderAccepted(meta, order(account, placed.order()), placed.held(),
                    holdReason));
        }
        if (outcome instanceof ResellerOutcome.OrderReleased released) {
            ResellerOrder order = account.order(released.orderId()).orElseThrow();
            return Optional.of(new ResellerOrderReleased(meta, order(account, order), released.licences().stream()
                    .map(l -> new Licence(l.sku(), l.key())).toList(), "customer:" + released.customer()
                    .accountKey()));
        }
        if (outcome instanceof ResellerOutcome.TemporaryLicenceIssued temporary) {
            ResellerOrder order = account.order(temporary.orderId()).orElseThrow();
            return Optional.of(new TemporaryLicenceIssued(meta, account.resellerId(), account.email(),
                    temporary.orderId(), order.pricing().lines().stream().map(l -> new Licence(l.sku(),
                    temporary.licence().key())).toList(), temporary.licence().expiresAt().atZone(ZoneOffset.UTC)
                    .toLocalDate()));
        }
        if (outcome instanceof ResellerOutcome.PaymentRecorded paid) {
            return Optional.of(new ResellerPaymentRecorded(meta, account.resellerId(), paid.orderId(),
                    AvroMoney.toAvro(paid.amount()), AvroMoney.toAvro(paid.interest())));
        }
        if (outcome instanceof ResellerOutcome.StatementIssued issued) {
            return Optional.of(statement(meta, account, issued.statement()));
        }
        if (outcome instanceof ResellerOutcome.PrepayStarted) {
            return Optional.of(new ResellerPrepayChanged(meta, account.resellerId(), true, AvroMoney.toAvro(
                    overdue(account, meta.getOccurredAt().atZone(ZoneOffset.UTC).toLocalDate()))));
        }
        if (outcome instanceof ResellerOutcome.PrepayEnded) {
            return Optional.of(new ResellerPrepayChanged(meta, account.resellerId(), false,
                    AvroMoney.toAvro(Money.zero(account.currency().orElseThrow()))));
        }
        return Optional.empty(); // a changed discount or certificate is the account's state only
    }

    static io.channelhub.reseller.event.ResellerOrder order(ResellerAccount account, ResellerOrder order) {
        var pricing = order.pricing();
        boolean exempt = account.isUs() && pricing.salesTaxPercent().signum() == 0
                && account.exemptionCertificate() != null
                && account.exemptionCertificate().validOn(order.orderDate());
        return io.channelhub.reseller.event.ResellerOrder.newBuilder()
                .setOrderId(order.id()).setResellerId(account.resellerId()).setResellerName(account.name())
                .setResellerEmail(account.email()).setCustomerName(order.shipTo().name())
                .setCustomerEmail(order.shipTo().email()).setPlacedAt(order.placedAt()).setDueOn(order.dueDate())
                .setCurrency(pricing.currency().getCurrencyCode())
                .setLines(pricing.lines().stream().map(l -> new OrderLine(l.sku(), l.quantity(),
                        AvroMoney.toAvro(l.retailUnitPrice()), AvroMoney.toAvro(l.retail()))).toList())
                .setSubtotal(AvroMoney.toAvro(pricing.subtotal()))
                .setDiscountPercent(pricing.discountPercent().setScale(2, RoundingMode.UNNECESSARY))
                .setDiscount(AvroMoney.toAvro(pricing.discount())).setNet(AvroMoney.toAvro(pricing.net()))
                .setTaxPercent(pricing.salesTaxPercent().setScale(3, RoundingMode.UNNECESSARY))
                .setTaxExemptionCertificate(exempt ? account.exemptionCertificate().id() : null)
                .setTax(AvroMoney.toAvro(pricing.salesTax())).setTotal(AvroMoney.toAvro(pricing.total()))
                .build();
    }

    private static ResellerStatementIssued statement(EventMeta meta, ResellerAccount account, Statement statement) {
        List<StatementLine> lines = statement.lines().stream().map(l -> new StatementLine(l.orderId(),
                l.orderDate(), l.dueDate(), AvroMoney.toAvro(l.total()), (int) l.daysOverdue(),
                AvroMoney.toAvro(l.interest()))).toList();
        return new ResellerStatementIssued(meta, account.resellerId(), account.name(), account.email(),
                java.time.YearMonth.from(statement.date()).toString(), statement.amountDue().currency()
                .getCurrencyCode(), lines, AvroMoney.toAvro(statement.amountDue()), account.onPrepay());
    }

    private static Money overdue(ResellerAccount account, LocalDate asOf) {
        return account.overdueOrders(asOf).stream().map(ResellerOrder::total)
                .reduce(Money.zero(account.currency().orElseThrow()), Money::plus);
    }
}
