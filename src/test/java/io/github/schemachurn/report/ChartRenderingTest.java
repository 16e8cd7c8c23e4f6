package io.github.schemachurn.report;

import static io.github.schemachurn.report.Fixtures.churn;
import static io.github.schemachurn.report.Fixtures.params;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.schemachurn.report.chart.Figure;
import io.github.schemachurn.report.chart.GroupedBars;
import io.github.schemachurn.report.chart.Style;
import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.ErrorClass;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders every chart of a small run, and of a run with many conditions and long labels, and reads
 * them as a reader would: every condition named under its bars, no label running into its
 * neighbour or out of the image, plot areas large enough to show bars, and the bars drawn.
 */
class ChartRenderingTest {
    @TempDir
    Path dir;

    @Test
    void everyChartOfTheFixtureRunIsReadable() throws IOException {
        checkEveryChart(render(RunFixture.results()));
    }

    /** 36 configurations, four params varying: the shape that once made 51 rotated labels and no visible bar. */
    @Test
    void manyConditionsWithLongLabelsAreSplitIntoReadableCharts() throws IOException {
        List<ObjectNode> results = new ArrayList<>();
        for (String journal : List.of("WAL", "DELETE")) {
            for (String ddl : List.of("AUTOCOMMIT", "EXCLUSIVE", "IMMEDIATE")) {
                for (String change : List.of("SIDE_TABLE", "TABLE_PER_TENANT", "RENAME_COLUMN")) {
                    for (String cpus : List.of("SPLIT", "SHARED")) {
                        double rate = journal.equals("WAL") ? 100_000 : 300;
                        results.add(churn(params("journal", journal, "ddl", ddl, "change", change, "cpus", cpus, "extraTables", "2000"),
                                rate, ErrorClass.SCHEMA, journal.equals("WAL") ? 0.001 : 0.9, 1.0, 1.1));
                    }
                }
            }
        }
        Run run = render(results);
        checkEveryChart(run);
        assertThat(run.figures.values()).allSatisfy(f -> assertThat(f.slots()).hasSizeLessThanOrEqualTo(ComparisonCharts.MAX_CATEGORIES));
        assertThat(run.charts.keySet()).anyMatch(n -> n.startsWith("answer-stress-any-schema-churn-2"));
        assertThat(ComparisonCharts.links(run, AnswerSection.tablePrefix(false) + "any schema churn")).as("the answer row links its charts")
                .startsWith("charts [1](charts/answer-stress-any-schema-churn-1.png), [2](charts/answer-stress-any-schema-churn-2.png)");
    }

    /** Latency counters (the operation's percentiles, failures apart) make percentile plots beside the bars. */
    @Test
    void latencyPercentilesArePlottedPerOptionWithFailuresApart() throws IOException {
        Run run = render(latencyRun());
        checkEveryChart(run);
        assertThat(run.charts.keySet()).contains("answer-stress-wal-how-to-wrap-ddl-1-latency.png", "ChurnBenchmark-ddl-1-latency.png");
    }

    /** The percentile plots show the latency the tables give: per fork the median over iterations, then the median over forks, not their mean. */
    @Test
    void chartLatencyIsTheTablesLatency() {
        double[] forkP50 = {10, 12, 100};
        Fixtures.Bench bench = new Fixtures.Bench("ChurnBenchmark", "churn", forkP50.length, params("journal", "WAL"))
                .role(CounterNames.OPERATION, "reader", 2000, ErrorClass.BUSY, 0.1)
                .counter(CounterNames.OPERATION + CounterNames.THREADS, (f, i) -> 2.0);
        for (int p = 0; p < ComparisonCharts.OK_PERCENTILES.size(); p++) {
            double factor = Math.pow(3, p);
            bench.counter(CounterNames.OPERATION + ComparisonCharts.OK_PERCENTILES.get(p), (f, i) -> 2 * factor * forkP50[f] + i);
        }
        bench.counter(CounterNames.OPERATION + ComparisonCharts.FAIL_PERCENTILES.get(0), (f, i) -> 2 * 50 * forkP50[f]);
        bench.counter(CounterNames.OPERATION + ComparisonCharts.FAIL_PERCENTILES.get(1), (f, i) -> 2 * 80 * forkP50[f]);
        Result config = Fixtures.configs(List.of(bench.node), dir).get(0);
        Role op = config.op().orElseThrow();
        double[] ok = ComparisonCharts.latencies(config, ComparisonCharts.OK_PERCENTILES);
        double[] failed = ComparisonCharts.latencies(config, ComparisonCharts.FAIL_PERCENTILES);
        for (int p = 0; p < ok.length; p++) {
            assertThat(ok[p]).as(ComparisonCharts.OK_PERCENTILES.get(p)).isEqualTo(op.latency(ComparisonCharts.OK_PERCENTILES.get(p)).orElseThrow());
        }
        for (int p = 0; p < failed.length; p++) {
            assertThat(failed[p]).as(ComparisonCharts.FAIL_PERCENTILES.get(p)).isEqualTo(op.latency(ComparisonCharts.FAIL_PERCENTILES.get(p)).orElseThrow());
        }
        assertThat(ok[0]).as("the middle fork's p50, not the forks' mean").isEqualTo(12 + (Fixtures.ITERATIONS - 1) / 2.0 / 2);
    }

    /** A legend of numbers counts up whatever order the run measured them in; names keep the run's order. */
    @Test
    void numericOptionsAreListedInNumericOrder() {
        assertThat(ComparisonCharts.inLegendOrder(List.of("0", "2000", "100", "500"))).containsExactly("0", "100", "500", "2000");
        assertThat(ComparisonCharts.inLegendOrder(List.of("0.5", "10", "2"))).containsExactly("0.5", "2", "10");
        assertThat(ComparisonCharts.inLegendOrder(List.of("EXCLUSIVE", "AUTOCOMMIT", "IMMEDIATE")))
                .containsExactly("EXCLUSIVE", "AUTOCOMMIT", "IMMEDIATE");
    }

    /** A bar's 95 % interval is a whisker over the bar's centre, from its low to its high end; one fork has no interval, so no whisker. */
    @Test
    void barsCarryTheirIntervalAsAWhisker() throws IOException {
        Estimate spread = Estimate.of(List.of(80.0, 100.0, 120.0), true);
        Figure with = oneBar("V2 against nothing", spread).draw();
        Figure without = oneBar("V2 against nothing", Estimate.of(List.of(100.0), true)).draw();
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(with.png()));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(without.png()));
        Rectangle plot = with.plots().get(0);
        assertThat(without.plots().get(0)).isEqualTo(plot);
        int top = Integer.MAX_VALUE;
        int bottom = Integer.MIN_VALUE;
        for (int x = plot.x; x < plot.x + plot.width; x++) {
            for (int y = plot.y; y < plot.y + plot.height; y++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    assertThat(Math.abs(x - plot.getCenterX())).as("whisker pixel at x = " + x + " over the bar's centre").isLessThanOrEqualTo(5);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        // 50.3 to 149.7 ok/s on a log axis of two decades over about 0.92 of the plot's height.
        double expected = Math.log10(spread.high() / spread.low()) / 2 * 0.92 * plot.height;
        assertThat((double) bottom - top).as("whisker length in pixels").isBetween(expected - 4, expected + 8);
    }

    /** A title longer than the figure is wide is wrapped above the panels, not cut at both ends. */
    @Test
    void aLongTitleIsWrappedAboveThePanels() {
        Estimate rate = Estimate.of(List.of(100.0), true);
        Figure short_ = oneBar("short", rate).draw();
        Figure long_ = oneBar("your driver's prepare call (PHP's PDO before 7.2 used the legacy one) ".repeat(4), rate).draw();
        assertThat(long_.width()).isEqualTo(short_.width());
        assertThat(long_.plots().get(0).y - short_.plots().get(0).y).as("three more title lines push the panels down").isGreaterThanOrEqualTo(3 * 14);
    }

    private static GroupedBars oneBar(String title, Estimate rate) {
        return new GroupedBars(title, List.of("V2"), List.of(Style.optionColor(0)), List.of(List.of("WAL")), List.of("A note."),
                List.of(List.of(ComparisonCharts.bar(rate))), List.of(List.of(ComparisonCharts.bar(Estimate.share(List.of(new long[] {0, 1000}))))));
    }

    /** WAL and DELETE, three DDL strategies: latency grows with the strategy's lock, DELETE's reads fail after waiting. */
    static List<ObjectNode> latencyRun() {
        List<ObjectNode> results = new ArrayList<>();
        List<String> ddls = List.of("AUTOCOMMIT", "IMMEDIATE", "EXCLUSIVE");
        for (String journal : List.of("WAL", "DELETE")) {
            for (int d = 0; d < ddls.size(); d++) {
                boolean wal = journal.equals("WAL");
                double base = (wal ? 8 : 40) * (d + 1);
                int d0 = d;
                Fixtures.Bench bench = new Fixtures.Bench("ChurnBenchmark", "churn", 2, params("journal", journal, "ddl", ddls.get(d)))
                        .role(CounterNames.OPERATION, "reader", wal ? 100_000 : 2_000, ErrorClass.BUSY, wal ? 0 : 0.4)
                        .role(CounterNames.DDL, "churner", 500, ErrorClass.BUSY, 0);
                double[] factors = {1, 3, 20, 80};
                for (int p = 0; p < ComparisonCharts.OK_PERCENTILES.size(); p++) {
                    double v = base * factors[p];
                    bench.counter(CounterNames.OPERATION + ComparisonCharts.OK_PERCENTILES.get(p), (f, i) -> v);
                }
                bench.counter(CounterNames.OPERATION + ComparisonCharts.FAIL_PERCENTILES.get(0), (f, i) -> wal ? 0.0 : 2000.0 + 1500 * d0);
                bench.counter(CounterNames.OPERATION + ComparisonCharts.FAIL_PERCENTILES.get(1), (f, i) -> wal ? 0.0 : 2500.0 + 2000 * d0);
                results.add(bench.node);
            }
        }
        return results;
    }

    private Run render(List<ObjectNode> results) {
        Run run = new Run(Fixtures.configs(results, dir), Optional.empty(), "charts/");
        Md md = new Md(1);
        AnswerSection.render(run, md);
        ThresholdSection.render(run, md);
        StudiesSection.render(run, md, "tables.md");
        assertThat(run.figures).isNotEmpty();
        return run;
    }

    private static void checkEveryChart(Run run) throws IOException {
        for (Map.Entry<String, byte[]> chart : run.charts.entrySet()) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart.getValue()));
            assertThat(image).as(chart.getKey()).isNotNull();
            assertThat(image.getWidth()).as(chart.getKey()).isGreaterThan(400);
            if (!chart.getKey().equals("threshold.png")) {
                assertThat(run.figures).as("every comparison chart has its layout checked").containsKey(chart.getKey());
                check(chart.getKey(), run.figures.get(chart.getKey()), image);
            }
        }
    }

    private static void check(String name, Figure figure, BufferedImage image) {
        Rectangle bounds = new Rectangle(0, 0, figure.width(), figure.height());
        assertThat(image.getWidth()).isEqualTo(figure.width());
        boolean tiles = name.endsWith("-latency.png");
        for (Rectangle plot : figure.plots()) {
            assertThat(plot.height).as(name + ": plot height").isGreaterThanOrEqualTo(Figure.MIN_PLOT_HEIGHT);
            assertThat(plot.width).as(name + ": plot width per condition").isGreaterThanOrEqualTo(tiles ? 150 : 60 * figure.slots().size());
            assertThat(bounds.contains(plot)).as(name + ": plot inside the image").isTrue();
        }
        if (!tiles) {
            assertThat(figure.plots().get(0).x).as(name + ": both panels share their x axis").isEqualTo(figure.plots().get(1).x);
        }
        assertThat(figure.labels()).hasSameSizeAs(figure.slots()).hasSameSizeAs(figure.labelLines());
        for (int c = 0; c < figure.slots().size(); c++) {
            Rectangle slot = figure.slots().get(c);
            Rectangle label = figure.labels().get(c);
            String what = name + ": label " + figure.labelLines().get(c);
            assertThat(figure.labelLines().get(c)).as(what + " names its condition").isNotEmpty().allMatch(l -> !l.isBlank());
            assertThat(label.x).as(what + " starts inside its slot").isGreaterThanOrEqualTo(slot.x);
            assertThat(label.x + label.width).as(what + " ends inside its slot").isLessThanOrEqualTo(slot.x + slot.width);
            assertThat(bounds.contains(label)).as(what + " inside the image").isTrue();
            assertThat(darkPixels(image, label)).as(what + " is drawn").isGreaterThan(3 * figure.labelLines().get(c).size());
            for (int other = c + 1; other < figure.labels().size(); other++) {
                assertThat(label.intersects(figure.labels().get(other))).as(what + " overlaps another").isFalse();
            }
        }
        for (Rectangle slot : figure.slots()) {
            assertThat(bounds.contains(slot)).as(name + ": condition inside the image").isTrue();
        }
        int drawn = figure.plots().stream().mapToInt(p -> barPixels(image, p)).sum();
        assertThat(drawn).as(name + ": data drawn").isGreaterThan(tiles ? 20 : 100);
    }

    private static int darkPixels(BufferedImage image, Rectangle box) {
        int dark = 0;
        for (int x = box.x; x < box.x + box.width; x++) {
            for (int y = box.y; y < box.y + box.height; y++) {
                Color c = new Color(image.getRGB(x, y));
                dark += c.getRed() + c.getGreen() + c.getBlue() < 300 ? 1 : 0;
            }
        }
        return dark;
    }

    /** Saturated pixels: bars in an option's colour, not the grey and black of grid, axes and text. */
    private static int barPixels(BufferedImage image, Rectangle plot) {
        int bars = 0;
        for (int x = plot.x; x < plot.x + plot.width; x++) {
            for (int y = plot.y; y < plot.y + plot.height; y++) {
                Color c = new Color(image.getRGB(x, y));
                int max = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()));
                int min = Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
                bars += max - min > 60 ? 1 : 0;
            }
        }
        return bars;
    }
}
