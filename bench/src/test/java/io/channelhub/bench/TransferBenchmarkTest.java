package io.channelhub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark is a program, not a timed test: CI only checks that it runs end to end on a tiny input. */
class TransferBenchmarkTest {

    @Test
    void aTinySweepCountsEveryEmailOnceAndWritesItsCsvAndChart() throws Exception {
        Path out = Path.of("target/smoke/latency");

        List<LatencyChart.Row> rows = TransferBenchmark.run("--rates=2", "--seconds=2", "--warmup=0",
                "--transfers=20", "--out=" + out);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.completed()).isEqualTo(4);
            assertThat(row.received()).isEqualTo(row.expected()).isEqualTo(4 * 9);
            assertThat(row.lost()).isZero();
            assertThat(row.duplicated()).isZero();
            assertThat(row.p99()).isPositive();
        });
        assertThat(LatencyChart.readCsv(Path.of(out + ".csv"))).isEqualTo(rows);
        assertThat(Path.of(out + ".png")).isNotEmptyFile();
    }
}
