package io.channelhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The rate sweep's rows as CSV and as a PNG of p50/p99 against the rate (log scale: seconds and milliseconds). */
final class LatencyChart {

    static final String HEADER = "rate_per_s,transfers,completed,p50_ms,p99_ms,max_ms,"
            + "transfer_p50_ms,transfer_p99_ms,planning_p50_ms,planning_p99_ms,sender_p50_ms,sender_p99_ms,"
            + "emails_expected,emails_received,lost,duplicated";

    /** One rate's figures; the hops are transfer-service, notification planning, and the sender up to SMTP. */
    record Row(int rate, int transfers, int completed, long p50, long p99, long max, long transferP50,
            long transferP99, long planningP50, long planningP99, long senderP50, long senderP99, int expected,
            int received, int lost, int duplicated) {

        String csv() {
            return String.join(",", List.of(rate, transfers, completed, p50, p99, max, transferP50, transferP99,
                    planningP50, planningP99, senderP50, senderP99, expected, received, lost, duplicated).stream()
                    .map(String::valueOf).toList());
        }

        static Row parse(String line) {
            long[] f = java.util.Arrays.stream(line.split(",")).mapToLong(Long::parseLong).toArray();
            return new Row((int) f[0], (int) f[1], (int) f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10],
                    f[11], (int) f[12], (int) f[13], (int) f[14], (int) f[15]);
        }
    }

    private LatencyChart() {
    }

    static void writeCsv(Path csv, List<Row> rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(HEADER));
        rows.forEach(r -> lines.add(r.csv()));
        Files.createDirectories(csv.toAbsolutePath().getParent());
        Files.write(csv, lines);
    }

    static List<Row> readCsv(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).filter(l -> !l.isBlank()).map(Row::parse).toList();
    }

    /** p50 and p99 of this run, and of an earlier run when given (dashed), with the issue's aims. */
    static void writePng(Path png, String title, List<Row> rows, String earlierName, List<Row> earlier)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(520).title(title)
                .xAxisTitle("transfers per second").yAxisTitle("last approval -> completion e-mail at SMTP, ms")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setYAxisDecimalPattern("#,###");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        if (!earlier.isEmpty()) {
            series(chart, earlierName + " p50", earlier, Row::p50).setLineStyle(
                    org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
            series(chart, earlierName + " p99", earlier, Row::p99).setLineStyle(
                    org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        }
        series(chart, "p50", rows, Row::p50);
        series(chart, "p99", rows, Row::p99);
        double[] aimRates = {rows.get(0).rate(), 10, 10, rows.get(rows.size() - 1).rate()};
        chart.addSeries("aim: p99 < 500 ms to 10/s, < 1 s at 50/s", aimRates, new double[] {500, 500, 1000, 1000})
                .setMarker(SeriesMarkers.NONE).setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DOT_DOT);
        Files.createDirectories(png.toAbsolutePath().getParent());
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYSeries series(XYChart chart, String name, List<Row> rows,
            java.util.function.ToLongFunction<Row> y) {
        return chart.addSeries(name, rows.stream().mapToDouble(Row::rate).toArray(),
                rows.stream().mapToDouble(r -> Math.max(1, y.applyAsLong(r))).toArray());
    }
}
