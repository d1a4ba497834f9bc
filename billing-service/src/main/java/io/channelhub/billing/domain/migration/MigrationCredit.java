package io.channelhub.billing.domain.migration;

import io.channelhub.billing.domain.migration.CreditApplication.ChargeCredit;
import io.channelhub.pricing.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** B6: where the migration credit may be used. It is never paid out: what is not applied is carried forward. */
public final class MigrationCredit {

    private MigrationCredit() {
    }

    /**
     * The reseller's credit balance against this month's charges, in the order given, each up to its amount. Only
     * charges of new online customers (accounts first seen after the migration, and not a migrated order's
     * customer) for STANDARD products are eligible; offline customers, Postini, Chromebook and other order types
     * never are.
     */
    public static CreditApplication applicable(MigrationState state, List<CreditCandidateCharge> charges) {
        Money balance = state.creditBalance();
        Set<String> existing = state.migration().accounts();
        List<ChargeCredit> credited = new ArrayList<>();
        Money applied = Money.zero(balance.currency());
        for (CreditCandidateCharge charge : charges) {
            if (balance.isZero() || !eligible(charge, state, existing)) {
                continue;
            }
            Money credit = balance.compareTo(charge.amount()) < 0 ? balance : charge.amount();
            credited.add(new ChargeCredit(charge.chargeId(), credit));
            applied = applied.plus(credit);
            balance = balance.minus(credit);
        }
        return new CreditApplication(credited, applied, balance);
    }

    static boolean eligible(CreditCandidateCharge charge, MigrationState state, Set<String> existing) {
        return charge.customerKind() == CustomerKind.ONLINE
                && charge.productType() == ProductType.STANDARD
                && charge.accountFirstSeenAt().isAfter(state.migratedAt())
                && !existing.contains(charge.billingAccountId())
                && charge.amount().amount().signum() > 0; // a refund line takes no credit
    }
}
