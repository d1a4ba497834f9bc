package io.channelhub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.testing.MoneyInJson;
import io.channelhub.pricing.Money;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Issue 23 (D-100): money in JSON, and the walker every service's view test uses to check it. */
class MoneyJsonTest {

    static final JsonMapper JSON = JsonMapper.builder().addModule(new MoneyJson()).build();

    record View(String id, Money total, List<Money> lines, int seats) {
    }

    @Test
    void moneyIsADecimalStringAtTheCurrencysScaleWithItsCurrency() {
        // as off the wire (scale 4), unrounded, a whole amount, and currencies of other scales
        assertThat(JSON.writeValueAsString(Money.of("899.1000", "EUR")))
                .isEqualTo("{\"amount\":\"899.10\",\"currency\":\"EUR\"}");
        assertThat(JSON.writeValueAsString(Money.of("3.335", "EUR"))).contains("\"3.34\""); // X4 half-up
        assertThat(JSON.writeValueAsString(Money.of("90", "USD"))).contains("\"90.00\"");
        assertThat(JSON.writeValueAsString(Money.of("100.0000", "JPY"))).contains("\"100\"");
        assertThat(JSON.writeValueAsString(Money.of("1.5", "BHD"))).contains("\"1.500\"");
    }

    @Test
    void aViewWrittenWithTheModuleHasNoFault() {
        JsonNode view = JSON.readTree(JSON.writeValueAsString(new View("INV-1", Money.of("118.1300", "EUR"),
                List.of(Money.of("90.0000", "EUR"), Money.of("28.13", "EUR")), 12)));

        assertThat(MoneyInJson.faults(view)).isEmpty();
    }

    @Test
    void theWalkerNamesEveryOtherWayOfWritingMoney() {
        JsonNode other = JSON.readTree("""
                {"totalDue": 118.13, "lines": [{"net": {"amount": "90.0000", "currency": "EUR"},
                 "gross": {"amount": 90.00, "currency": "EUR"}, "tax": {"amount": "1.00"},
                 "prepaid": {"seats": 1, "amount": {"amount": "120.00", "currency": "EUR"}},
                 "discountPercent": 10.00, "seatDays": 310}],
                 "detail": "899.1000 EUR does not cover 900.00 EUR", "ok": "paid 899.10 EUR on 2026-12-01"}
                """);

        assertThat(MoneyInJson.faults(other)).containsExactly(
                "$.totalDue: a bare number 118.13",
                "$.lines[0].net.amount: \"90.0000\" not at the scale of EUR",
                "$.lines[0].gross.amount: not a decimal string: 90.0",
                "$.lines[0].tax: money is exactly an amount and an ISO 4217 currency, not {\"amount\":\"1.00\"}",
                "$.detail: \"899.1000 EUR\" not at the currency's scale");
    }
}
