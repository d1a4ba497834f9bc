package io.channelhub.billing.stream;

import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.pricing.AvroMoney;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The payout statements of one ISV's month so far (D6), as {@link BillingTopology#STATEMENTS_STORE} keeps them:
 * how many, the invoices they covered, whether lines arrived since the last one (only those months are looked at
 * on a tick), and the statements themselves, so the ISV can read them back over HTTP (issue 10). Public because
 * the web layer reads the store.
 *
 * @param issued oldest first; stored since issue 10, so a month stated before holds none (read as empty)
 */
public record PayoutProgress(int statements, List<String> invoiceIds, boolean pending, List<Issued> issued) {

    /** One issued statement as the ISV reads it: amounts to the cent, in the statement's currency. */
    public record Issued(String statementId, int sequence, Instant issuedAt, String currency,
            List<String> invoiceIds, BigDecimal gross, BigDecimal discount, BigDecimal net, BigDecimal revenueShare,
            BigDecimal payout) {

        public Issued {
            invoiceIds = List.copyOf(invoiceIds);
        }

        static Issued of(PayoutStatementIssued s) {
            return new Issued(s.getStatementId(), s.getSequence(), s.getMeta().getOccurredAt(), s.getCurrency(),
                    s.getInvoiceIds(), cents(s.getGross()), cents(s.getDiscount()), cents(s.getNet()),
                    cents(s.getRevenueShare()), cents(s.getPayout()));
        }

        private static BigDecimal cents(io.channelhub.common.event.Money money) {
            return AvroMoney.fromAvro(money).rounded().amount();
        }
    }

    public PayoutProgress {
        invoiceIds = invoiceIds == null ? List.of() : List.copyOf(invoiceIds);
        // JSON stored before the field existed has none
        issued = issued == null ? List.of() : List.copyOf(issued);
    }

    /** Lines of a month nothing was stated for yet. */
    static PayoutProgress firstLines() {
        return new PayoutProgress(0, List.of(), true, List.of());
    }

    PayoutProgress withPending(boolean pending) {
        return new PayoutProgress(statements, invoiceIds, pending, issued);
    }

    /** After {@code statement}, which covered the invoices now in {@code coveredInvoiceIds}. */
    PayoutProgress stated(List<String> coveredInvoiceIds, PayoutStatementIssued statement) {
        List<Issued> all = new ArrayList<>(issued);
        all.add(Issued.of(statement));
        return new PayoutProgress(statement.getSequence(), coveredInvoiceIds, false, all);
    }
}
