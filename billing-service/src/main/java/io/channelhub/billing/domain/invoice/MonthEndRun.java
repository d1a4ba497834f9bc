package io.channelhub.billing.domain.invoice;

import io.channelhub.billing.domain.charge.MonthlyCharges;
import io.channelhub.billing.domain.charge.SubscriptionCharge;
import io.channelhub.billing.domain.migration.CreditCandidateCharge;
import io.channelhub.billing.domain.migration.CustomerKind;
import io.channelhub.billing.domain.migration.MigratedOrder;
import io.channelhub.billing.domain.migration.MigrationCredit;
import io.channelhub.billing.domain.migration.MigrationState;
import io.channelhub.billing.domain.migration.PrepaidInvoice;
import io.channelhub.billing.domain.migration.ProductType;
import io.channelhub.billing.domain.subscription.Subscription;
import io.channelhub.pricing.DiscountTerm;
import io.channelhub.pricing.Money;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;

/**
 * A payer's month-end run (B4, B6, B7), pure: every month that ended and is not invoiced yet gets its invoice from
 * the subscriptions' charges, with the discounts (D6, D8–D10) and the migration credit left for new online customers
 * (B6); a month whose charges cannot make one invoice is refused with the reason; once the migration month is over,
 * its prepaid invoice (B7); and the subscriptions another payer took over before this month are let go.
 */
public final class MonthEndRun {

    /**
     * What the run reads besides the payer's ledger.
     *
     * @param payerName  the directory's, or null if the payer is not known there
     * @param payerEmail the directory's, or null
     * @param kinds      subscription id to {@code <customerKind>|<productType>} as the plan said (B6); none: offline
     * @param invoiced   whether a month of the payer was invoiced already
     */
    public record Facts(String payerName, String payerEmail, List<Subscription> subscriptions,
                        Map<String, String> kinds, MigrationState migration, List<DiscountTerm> terms,
                        RevenueShares revenueShares, Predicate<YearMonth> invoiced) {
    }

    /**
     * @param events   InvoiceIssued, InvoiceNotIssued, PrepaidInvoiceIssued, in order
     * @param invoices the invoices issued
     * @param letGo    ids of subscriptions this payer no longer bills
     */
    public record Outcome(PayerLedger ledger, List<SpecificRecord> events, List<Invoice> invoices, List<String> letGo) {
    }

    private static final String NOT_KNOWN_KIND = CustomerKind.OFFLINE + "|" + ProductType.OTHER;

    private MonthEndRun() {
    }

    public static Outcome run(String payerId, PayerLedger ledger, Facts facts, Instant at) {
        YearMonth current = YearMonth.from(at.atZone(ZoneOffset.UTC));
        List<SpecificRecord> events = new ArrayList<>();
        List<Invoice> invoices = new ArrayList<>();
        PayerLedger after = ledger;
        for (YearMonth month : ledger.dueMonths(current)) {
            if (facts.invoiced().test(month)) {
                continue;
            }
            List<SubscriptionCharge> charges = new ArrayList<>();
            facts.subscriptions().forEach(subscription -> charges.addAll(MonthlyCharges.of(subscription, month)));
            if (charges.isEmpty()) {
                continue;
            }
            try {
                Money credit = facts.migration() == null ? Money.zero(charges.get(0).unitPrice().currency())
                        : MigrationCredit.applicable(after.creditLeft(facts.migration()), candidates(facts, charges))
                        .applied();
                Invoice invoice = InvoiceAssembler.assemble(payerId, month, at, charges, facts.terms(),
                        facts.revenueShares(), credit);
                events.add(InvoiceEvents.issued(invoice, facts.payerName() != null ? facts.payerName() : payerId,
                        facts.payerEmail() != null ? facts.payerEmail() : ""));
                invoices.add(invoice);
                // B6: what this invoice used comes off the credit; the rest is carried to the next
                after = after.spent(invoice.creditsApplied());
            } catch (IllegalArgumentException e) {
                // charges that cannot make one invoice (two currencies, say): said, and the partition moves on
                events.add(InvoiceEvents.notIssued(payerId, month, at, e.getMessage()));
            }
        }
        MigrationState migration = facts.migration();
        if (migration != null && after.prepaidInvoiceDue(migration, current)) {
            PrepaidInvoice.forMigrationMonth(payerId, migration.migration().orders().stream()
                    .map(MigratedOrder::order).toList(), migration.migratedAt())
                    .ifPresent(prepaid -> events.add(InvoiceEvents.prepaid(prepaid, at, facts.payerName(),
                            facts.payerEmail())));
            after = after.withPrepaidInvoiced();
        }
        return new Outcome(after.invoicedBefore(current), events, invoices, letGo(payerId, facts, current));
    }

    /** A subscription another payer took over before {@code month} has nothing left to bill here. */
    private static List<String> letGo(String payerId, Facts facts, YearMonth month) {
        Instant monthStart = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> gone = new ArrayList<>();
        for (Subscription subscription : facts.subscriptions()) {
            var last = subscription.payerChanges().get(subscription.payerChanges().size() - 1);
            if (!last.payerId().equals(payerId) && last.at().isBefore(monthStart)) {
                gone.add(subscription.id());
            }
        }
        return gone;
    }

    /**
     * B6: the month's charges as the migration credit sees them: whose account, which kind of customer and
     * product (unknown: none that earns credit), and since when the account is billed here.
     */
    private static List<CreditCandidateCharge> candidates(Facts facts, List<SubscriptionCharge> charges) {
        List<CreditCandidateCharge> candidates = new ArrayList<>();
        for (SubscriptionCharge charge : charges) {
            Subscription subscription = facts.subscriptions().stream()
                    .filter(s -> s.id().equals(charge.subscriptionId())).findFirst().orElseThrow();
            String[] kind = facts.kinds().getOrDefault(charge.subscriptionId(), NOT_KNOWN_KIND).split("\\|");
            candidates.add(new CreditCandidateCharge(charge.subscriptionId() + "|" + charge.kind() + "|"
                    + charge.firstDay(), charge.purchase().billingAccountId(), CustomerKind.valueOf(kind[0]),
                    ProductType.valueOf(kind[1]), subscription.acceptedAt(), charge.amount().rounded()));
        }
        return candidates;
    }
}
