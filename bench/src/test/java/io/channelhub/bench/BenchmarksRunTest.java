package io.channelhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmarks are programs, not timed tests (docs/benchmarks.md): this only proves each still runs end to end on a
 * tiny input, so a change to a service cannot leave the benchmarks broken until someone next measures.
 */
class BenchmarksRunTest {

    @Test
    void everyServiceIsMeasuredBesideItsPassThrough(@TempDir Path directory) throws Exception {
        Map<String, BenchKafka.Rate[]> figures = ServiceBenchmark.measure(directory, 200, 100).figures;

        assertThat(figures.keySet()).hasSize(4).anySatisfy(name -> assertThat(name).startsWith("transfer-service"))
                .anySatisfy(name -> assertThat(name).startsWith("discount-service"))
                .anySatisfy(name -> assertThat(name).startsWith("billing-service intake"))
                .anySatisfy(name -> assertThat(name).startsWith("notification planning"));
        // pass-through and service: each produced all it was expected to, in a time that was measured
        assertThat(figures.values()).allSatisfy(f -> assertThat(f).allSatisfy(rate -> {
            assertThat(rate.perSecond()).isPositive();
            assertThat(rate.perCpuSecond()).isPositive();
        }));
    }

    @Test
    void theMonthEndRunInvoicesEveryPayer(@TempDir Path directory) throws Exception {
        String table = BillingBenchmark.measure(directory, 40, 4, true, true);

        assertThat(table).contains("tick to the 4-th invoice issued", "ratio billing-service / pass-through",
                "tick to the 4-th invoice e-mail (with its PDF) accepted by SMTP");
    }
}
