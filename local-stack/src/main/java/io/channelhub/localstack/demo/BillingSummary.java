package io.channelhub.localstack.demo;

import io.channelhub.billing.event.InvoiceIssued;
import io.channelhub.billing.event.InvoiceLine;
import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.billing.event.SubscriptionUpdated;
import io.channelhub.common.event.Money;
import io.channelhub.pricing.AvroMoney;
import java.util.ArrayList;
import java.util.List;

/** The demo's billing figures as billing-service published them, for the terminal: every amount to the cent. */
final class BillingSummary {
    private BillingSummary() {
    }

    /** A plan or change as billing accepted it, with the unit price it fixed (B2). */
    static String subscription(SubscriptionUpdated updated) {
        String quantity = switch (updated.getPlan()) {
            case ANNUAL -> updated.getSeats() + " licences";
            case FLEXIBLE -> updated.getSeats() + " users, cap " + updated.getCap();
        };
        return String.format("    %-30s %-9s %-18s unit price %s %s a user-month", updated.getSubscriptionId(),
                updated.getPlan(), quantity, cents(updated.getUnitPrice()), updated.getUnitPrice().getCurrency());
    }

    /** The invoice's lines (SKU, unit price, gross, discount, net) and its totals (B4, D6). */
    static List<String> invoice(InvoiceIssued invoice) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format("  Invoice %s of %s (%s), %s, issued %s:", invoice.getMonth(),
                invoice.getPayerName(), invoice.getPayerId(), invoice.getCurrency(), invoice.getIssuedAt()));
        lines.add(String.format("    %-2s %-24s %-18s %10s %10s %10s %10s", "#", "SKU", "charge", "unit price",
                "gross", "discount", "net"));
        for (InvoiceLine line : invoice.getLines()) {
            lines.add(String.format("    %-2d %-24s %-18s %10s %10s %10s %10s", line.getNumber(), line.getSku(),
                    line.getCharge(), cents(line.getUnitPrice()), cents(line.getGross()),
                    cents(line.getDiscount()), cents(line.getNet())));
        }
        lines.add(String.format("    subtotal %s - discounts %s - credits %s = total due %s %s",
                cents(invoice.getSubtotal()), cents(invoice.getDiscounts()), cents(invoice.getCreditsApplied()),
                cents(invoice.getTotalDue()), invoice.getCurrency()));
        return lines;
    }

    /** The ISV's payout for the month (D6): the discount comes off before the marketplace's share. */
    static List<String> statement(PayoutStatementIssued statement) {
        return List.of(
                String.format("  Payout statement %s #%d of %s, %s:", statement.getMonth(), statement.getSequence(),
                        statement.getIsvId(), statement.getCurrency()),
                String.format("    gross %s - discount %s = net %s - revenue share %s = payout %s %s",
                        cents(statement.getGross()), cents(statement.getDiscount()), cents(statement.getNet()),
                        cents(statement.getRevenueShare()), cents(statement.getPayout()), statement.getCurrency()));
    }

    /** An amount from the wire (scale 4) rounded to the currency's minor unit: "87.30". */
    static String cents(Money money) {
        return AvroMoney.fromAvro(money).rounded().amount().toPlainString();
    }
}
