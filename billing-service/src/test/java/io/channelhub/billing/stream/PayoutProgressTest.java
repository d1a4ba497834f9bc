package io.channelhub.billing.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.channelhub.platform.streams.JsonSerde;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payout statements' stored progress (D6, issue 10) as the store's JSON serde writes and reads it. */
class PayoutProgressTest {

    final JsonSerde<PayoutProgress> serde = new JsonSerde<>(PayoutProgress.class);

    // issue 10: a month stated before the statements were kept reads as one with none kept, not as a failure
    @Test
    void progressStoredBeforeTheStatementsWereKeptReadsAsNoneKept() {
        byte[] old = "{\"statements\":1,\"invoiceIds\":[\"INV-1\"],\"pending\":false}"
                .getBytes(StandardCharsets.UTF_8);

        PayoutProgress progress = serde.deserializer().deserialize("changelog", old);

        assertThat(progress.statements()).isEqualTo(1);
        assertThat(progress.invoiceIds()).containsExactly("INV-1");
        assertThat(progress.issued()).isEmpty();
    }

    @Test
    void issuedStatementsSurviveTheStoreToTheCent() {
        PayoutProgress.Issued issued = new PayoutProgress.Issued("PS-1", 1, Instant.parse("2030-04-01T01:01:00Z"),
                "EUR", List.of("INV-1"), new BigDecimal("100.00"), new BigDecimal("0.00"), new BigDecimal("100.00"),
                new BigDecimal("3.00"), new BigDecimal("97.00"));
        PayoutProgress progress = new PayoutProgress(1, List.of("INV-1"), false, List.of(issued));

        PayoutProgress read = serde.deserializer().deserialize("changelog",
                serde.serializer().serialize("changelog", progress));

        assertThat(read).isEqualTo(progress);
        assertThat(read.issued().get(0).payout()).isEqualTo("97.00");
    }
}
