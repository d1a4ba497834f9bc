package io.channelhub.billing.domain.invoice;

import io.channelhub.billing.domain.charge.SubscriptionCharge;
import io.channelhub.pricing.Charge;
import io.channelhub.pricing.DiscountDecision;
import io.channelhub.pricing.DiscountPolicy;
import io.channelhub.pricing.DiscountTerm;
import io.channelhub.pricing.Money;
import io.channelhub.pricing.Payout;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Builds a payer's monthly invoice from its subscriptions' charges (B4), discounts (D6, D8–D10) and credit. */
public final class InvoiceAssembler {

    private static final Comparator<SubscriptionCharge> LINE_ORDER = Comparator
            .comparing(SubscriptionCharge::subscriptionId)
            .thenComparing(SubscriptionCharge::firstDay)
            .thenComparing(SubscriptionCharge::kind);

    private InvoiceAssembler() {
    }

    /**
     * @param charges       the month's charges; those of other payers are left out, so a transferred subscription's
     *                      charges can be passed whole
     * @param discountTerms the discount history of the payer's customers; terms of other resellers are left out
     * @param creditBalance the payer's credit, in the invoice's currency: applied up to the net, the rest carried
     * @throws IllegalArgumentException for a charge of another month or currency
     */
    public static Invoice assemble(String payerId, YearMonth month, Instant issuedAt,
                                   Collection<SubscriptionCharge> charges, Collection<DiscountTerm> discountTerms,
                                   RevenueShares revenueShares, Money creditBalance) {
        if (creditBalance.isNegative()) {
            throw new IllegalArgumentException("A credit balance cannot be negative: " + creditBalance);
        }
        List<DiscountTerm> payersTerms = discountTerms.stream().filter(t -> t.resellerId().equals(payerId)).toList();
        List<SubscriptionCharge> billed = charges.stream().filter(c -> c.payerId().equals(payerId))
                .sorted(LINE_ORDER).toList();
        List<InvoiceLine> lines = new ArrayList<>();
        for (SubscriptionCharge charge : billed) {
            if (!charge.month().equals(month)) {
                throw new IllegalArgumentException("Charge for " + charge.month() + " on the invoice for " + month);
            }
            // D8: commitments look at the purchase, usage at the issue instant; the policy picks which.
            DiscountDecision decision = DiscountPolicy.decide(
                    new Charge(charge.purchase(), charge.kind().chargeType(), issuedAt), payersTerms);
            // D6: the discount comes off the line before the revenue share.
            Payout payout = Payout.of(charge.amount(), decision.percent(), revenueShares.percentFor(charge.isvId()));
            lines.add(new InvoiceLine(lines.size() + 1, charge, decision, payout));
        }
        Money subtotal = Invoice.sum(lines, InvoiceLine::gross, creditBalance);
        Money discounts = Invoice.sum(lines, InvoiceLine::discount, creditBalance);
        Money net = subtotal.minus(discounts);
        Money applied = creditBalance.compareTo(net) < 0 ? creditBalance : net; // never more than the total
        return new Invoice(Invoice.idFor(payerId, month), payerId, month, issuedAt, lines, subtotal, discounts,
                applied, net.minus(applied), creditBalance.minus(applied));
    }
}
