package io.channelhub.localstack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.billing.event.PayoutStatementIssued;
import io.channelhub.common.event.EventMeta;
import io.channelhub.common.event.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillingSummaryTest {

    @Test
    void amountsFromTheWireArePrintedToTheCent() {
        assertThat(BillingSummary.cents(eur("3.3333"))).isEqualTo("3.33");
        assertThat(BillingSummary.cents(eur("87.3000"))).isEqualTo("87.30");
        assertThat(BillingSummary.cents(eur("0.0050"))).isEqualTo("0.01");
    }

    @Test
    void theStatementReadsFromGrossToPayout() {
        PayoutStatementIssued statement = PayoutStatementIssued.newBuilder()
                .setMeta(EventMeta.newBuilder().setEventId("s-1").setOccurredAt(Instant.EPOCH).setProducer("test")
                        .build())
                .setStatementId("s-1").setIsvId("isv-1").setMonth("2026-03").setSequence(1).setCurrency("EUR")
                .setInvoiceIds(List.of("inv-1")).setGross(eur("100.0000")).setDiscount(eur("10.0000"))
                .setNet(eur("90.0000")).setRevenueShare(eur("2.7000")).setPayout(eur("87.3000")).build();

        assertThat(BillingSummary.statement(statement)).last().asString()
                .contains("gross 100.00 - discount 10.00 = net 90.00 - revenue share 2.70 = payout 87.30 EUR");
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }
}
