package io.channelhub.billing.domain.reseller;

import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.util.List;

/** What an accepted command brought about, in order; the topology publishes and acts on these. */
public sealed interface ResellerOutcome {

    /** Why an order's licences were released at once or wait for payment. */
    enum Placement {
        RELEASED_ON_CREDIT,
        /** R4: one of a new reseller's first three orders (or placed before those were paid). */
        HELD_NEW_RESELLER,
        /** R5: the reseller is on prepay. */
        HELD_PREPAY
    }

    record Registered(String resellerId, BigDecimal discountPercent) implements ResellerOutcome {
    }

    record DiscountSet(BigDecimal percent) implements ResellerOutcome {
    }

    record ExemptionCertificateFiled(ExemptionCertificate certificate) implements ResellerOutcome {
    }

    /** The order with its figures: the reseller's order details and invoice are made from it. */
    record OrderPlaced(ResellerOrder order, Placement placement) implements ResellerOutcome {
        public boolean held() {
            return placement != Placement.RELEASED_ON_CREDIT;
        }
    }

    /**
     * R2: create or match the customer's account by e-mail and attach the licences; the reseller gets the licence
     * e-mail to pass on, made from {@code customerView} (R7: no prices).
     */
    record OrderReleased(String orderId, EndCustomer customer, List<Licence> licences, CustomerView customerView)
            implements ResellerOutcome {
    }

    record TemporaryLicenceIssued(String orderId, TemporaryLicence licence) implements ResellerOutcome {
    }

    /** @param excess received above total + interest: not credited, for the back office to refund */
    record PaymentRecorded(String orderId, Money amount, Money interest, Money excess) implements ResellerOutcome {
    }

    record StatementIssued(Statement statement) implements ResellerOutcome {
    }

    record PrepayStarted(List<String> overdueOrderIds) implements ResellerOutcome {
    }

    record PrepayEnded() implements ResellerOutcome {
    }
}
