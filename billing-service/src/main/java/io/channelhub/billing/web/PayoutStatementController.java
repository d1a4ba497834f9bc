package io.channelhub.billing.web;

import io.channelhub.billing.stream.BillingTopology;
import io.channelhub.billing.stream.PayoutProgress;
import io.channelhub.platform.security.Caller;
import io.channelhub.platform.security.Party;
import io.channelhub.platform.web.PeerForwarder;
import io.channelhub.platform.web.Problems;
import io.channelhub.platform.web.StoreLocator;
import jakarta.servlet.http.HttpServletRequest;
import io.channelhub.pricing.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * D6 over HTTP (issue 10): the payout statements issued to an ISV for a month, the first and any supplements,
 * from the instance that holds the ISV's partition (invoice lines are re-keyed by ISV for them). The ISV's own and
 * any operator's: the path names the ISV, so another caller is refused (403). Unlike an invoice, a statement
 * carries the revenue share and the payout: they are what the ISV is told.
 */
@RestController
class PayoutStatementController {

    /** One statement, amounts as money (D-100). */
    record StatementView(String statementId, int sequence, Instant issuedAt, String currency,
            List<String> invoiceIds, Money gross, Money discount, Money net, Money revenueShare, Money payout) {

        static StatementView of(PayoutProgress.Issued s) {
            return new StatementView(s.statementId(), s.sequence(), s.issuedAt(), s.currency(), s.invoiceIds(),
                    money(s.gross(), s), money(s.discount(), s), money(s.net(), s), money(s.revenueShare(), s),
                    money(s.payout(), s));
        }

        private static Money money(BigDecimal amount, PayoutProgress.Issued s) {
            return new Money(amount, Currency.getInstance(s.currency()));
        }
    }

    private final StoreLocator stores;
    private final PeerForwarder forwarder;

    PayoutStatementController(StoreLocator stores, PeerForwarder forwarder) {
        this.stores = stores;
        this.forwarder = forwarder;
    }

    @GetMapping("/isvs/{isvId}/payout-statements/{month}")
    ResponseEntity<?> ofMonth(@PathVariable String isvId, @PathVariable String month, Caller caller,
            HttpServletRequest request) {
        if (!caller.mayRead(Party.isv(isvId))) {
            throw Problems.forbidden("Only the ISV itself sees its payout statements.");
        }
        String yearMonth = Months.parse(month);
        // keys extend the ISV, which chose the partition (billing-service.payout-lines is keyed by ISV)
        StoreLocator.Location<PayoutProgress> location = stores.locate(BillingTopology.STATEMENTS_STORE, isvId,
                isvId + "|" + yearMonth, PeerForwarder.isForwarded(request));
        return forwarder.answer(location, request, "the payout statements of ISV " + isvId, progress -> {
            if (progress == null || progress.issued().isEmpty()) {
                throw Problems.notFound("NO_STATEMENT", "No payout statement", "No payout statement of " + isvId
                        + " for " + yearMonth + " has been issued yet: the first follows the month's end once "
                        + "every payer's invoice is in.");
            }
            return ResponseEntity.ok(progress.issued().stream().sorted(Comparator.comparingInt(
                    PayoutProgress.Issued::sequence)).map(StatementView::of).toList());
        });
    }
}
