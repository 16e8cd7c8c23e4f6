package io.github.schemachurn.report.chart;

import static io.github.schemachurn.report.chart.Style.LABEL_FONT;
import static io.github.schemachurn.report.chart.Style.LABEL_GAP;
import static io.github.schemachurn.report.chart.Style.TITLE_FONT;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Latency percentiles of options compared under several conditions: one small plot per condition
 * (its label above it), per option a line from p50 to p99.9 of successful operations on a log axis
 * shared by all plots, and apart from it, crosses at p50 and p99 of failed ones in the same colour.
 *
 * @param ok     per option, per condition: p50, p90, p99, p99.9 in µs, or null where not measured
 * @param failed per option, per condition: p50, p99 of failed operations in µs, or null where none failed
 */
public record LatencyPercentiles(String title, List<String> options, List<Color> colors, List<List<String>> labels, List<String> notes,
                                 List<List<double[]>> ok, List<List<double[]>> failed) {
    private static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99.9", "fail p50", "fail p99");
    private static final String KEY = "line: successful operations; ×: failed ones";
    private static final int TILE_WIDTH = 400;
    private static final int TILE_HEIGHT = 250;
    private static final int TILES_PER_ROW = 4;

    public Figure draw() {
        int n = labels.size();
        FontMetrics metrics = Style.metrics(LABEL_FONT);
        int lineHeight = metrics.getHeight();
        List<Double> all = new ArrayList<>();
        ok.forEach(o -> o.stream().filter(Objects::nonNull).forEach(v -> Arrays.stream(v).forEach(all::add)));
        failed.forEach(o -> o.stream().filter(Objects::nonNull).forEach(v -> Arrays.stream(v).forEach(all::add)));
        all.removeIf(v -> !(v > 0));
        double low = all.isEmpty() ? 1 : Math.pow(10, Math.floor(Math.log10(Collections.min(all))));
        double high = all.isEmpty() ? 10 : Math.pow(10, Math.ceil(Math.log10(Collections.max(all) * 1.01)));
        int columns = Math.min(n, TILES_PER_ROW);
        int rows = (n + columns - 1) / columns;
        int titleLines = labels.stream().mapToInt(l -> Style.wrap(List.of(String.join(" · ", l)), metrics, TILE_WIDTH - 2 * LABEL_GAP).size())
                .max().orElse(1);
        int cellHeight = titleLines * lineHeight + LABEL_GAP + TILE_HEIGHT;
        int legendWidth = options.stream().mapToInt(o -> 34 + metrics.stringWidth(o)).sum() + metrics.stringWidth(KEY) + 2 * LABEL_GAP;
        int width = Math.max(columns * TILE_WIDTH, legendWidth);
        List<String> titleLinesOfFigure = Style.wrap(List.of(title), Style.metrics(TITLE_FONT), width - 2 * LABEL_GAP);
        int legendTop = titleLinesOfFigure.size() * lineHeight + 2 * LABEL_GAP;
        int gridTop = legendTop + 2 * lineHeight;
        List<String> noteLines = Style.wrap(notes, metrics, width - 2 * LABEL_GAP);
        int height = gridTop + rows * cellHeight + noteLines.size() * lineHeight + 2 * LABEL_GAP;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = Style.canvas(image);
        graphics.setColor(Color.BLACK);
        graphics.setFont(TITLE_FONT);
        for (int l = 0; l < titleLinesOfFigure.size(); l++) {
            graphics.drawString(titleLinesOfFigure.get(l), LABEL_GAP, LABEL_GAP + metrics.getAscent() + l * lineHeight);
        }
        graphics.setFont(LABEL_FONT);
        int x = LABEL_GAP;
        int legendBaseline = legendTop + metrics.getAscent();
        for (int o = 0; o < options.size(); o++) {
            graphics.setColor(colors.get(o));
            graphics.fillRect(x, legendBaseline - metrics.getAscent() + 2, 12, 12);
            graphics.setColor(Color.BLACK);
            graphics.drawString(options.get(o), x + 16, legendBaseline);
            x += 16 + metrics.stringWidth(options.get(o)) + 18;
        }
        graphics.drawString(KEY, x, legendBaseline);

        List<Rectangle> plots = new ArrayList<>();
        List<Rectangle> slots = new ArrayList<>();
        List<Rectangle> boxes = new ArrayList<>();
        List<List<String>> tileLines = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int left = (c % columns) * TILE_WIDTH;
            int top = gridTop + (c / columns) * cellHeight;
            slots.add(new Rectangle(left, top, TILE_WIDTH, cellHeight));
            List<String> lines = Style.wrap(List.of(String.join(" · ", labels.get(c))), metrics, TILE_WIDTH - 2 * LABEL_GAP);
            tileLines.add(lines);
            Rectangle box = null;
            graphics.setColor(Color.BLACK);
            for (int l = 0; l < lines.size(); l++) {
                int w = metrics.stringWidth(lines.get(l));
                int lx = left + (TILE_WIDTH - w) / 2;
                int baseline = top + metrics.getAscent() + l * lineHeight;
                graphics.drawString(lines.get(l), lx, baseline);
                Rectangle line = new Rectangle(lx, baseline - metrics.getAscent(), w, metrics.getAscent() + metrics.getDescent());
                box = box == null ? line : box.union(line);
            }
            boxes.add(box);
            Panel tile = tile(c, low, high);
            BufferedImage tileImage = BitmapEncoder.getBufferedImage(tile);
            int tileTop = top + titleLines * lineHeight + LABEL_GAP;
            graphics.drawImage(tileImage, left, tileTop, null);
            Rectangle plot = tile.plotArea();
            plots.add(new Rectangle(left + plot.x, tileTop + plot.y, plot.width, plot.height));
        }
        graphics.setColor(Color.DARK_GRAY);
        int notesTop = gridTop + rows * cellHeight + LABEL_GAP;
        for (int l = 0; l < noteLines.size(); l++) {
            graphics.drawString(noteLines.get(l), LABEL_GAP, notesTop + metrics.getAscent() + l * lineHeight);
        }
        graphics.dispose();
        return new Figure(Style.png(image), width, height, plots, slots, boxes, tileLines);
    }

    private Panel tile(int condition, double low, double high) {
        Panel chart = new Panel(TILE_WIDTH, TILE_HEIGHT);
        CategoryStyler s = Style.common(chart.getStyler());
        s.setLegendVisible(false);
        s.setChartTitleVisible(false);
        s.setXAxisTitleVisible(false);
        s.setYAxisLogarithmic(true);
        s.setYAxisMin(low);
        s.setYAxisMax(high);
        s.setYAxisDecimalPattern(Style.NUMBER_PATTERN);
        s.setMarkerSize(8);
        s.setOverlapped(true); // every option at the percentile's own x, not side by side as bars
        s.setXAxisTickMarkSpacingHint(30); // XChart skips category labels closer than the hint: six fit
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.setYAxisTitle("µs (log)");
        s.setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        for (int o = 0; o < options.size(); o++) {
            double[] okValues = ok.get(o).get(condition);
            double[] failedValues = failed.get(o).get(condition);
            if (okValues != null) {
                List<Double> values = new ArrayList<>(positive(okValues));
                values.addAll(Arrays.asList(null, null));
                CategorySeries line = chart.addSeries(options.get(o), PERCENTILES, values);
                line.setLineColor(colors.get(o));
                line.setMarkerColor(colors.get(o));
                line.setMarker(SeriesMarkers.CIRCLE);
            }
            if (failedValues != null) {
                List<Double> crosses = Arrays.asList(null, null, null, null, positive(failedValues[0]), positive(failedValues[1]));
                if (crosses.stream().anyMatch(Objects::nonNull)) {
                    CategorySeries cross = chart.addSeries(options.get(o) + " failed", PERCENTILES, crosses);
                    cross.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
                    cross.setMarker(SeriesMarkers.CROSS);
                    cross.setMarkerColor(colors.get(o));
                }
            }
        }
        if (chart.getSeriesCollection().isEmpty()) {
            chart.addSeries("none", PERCENTILES, Arrays.asList(null, null, null, null, null, low));
        }
        return chart;
    }

    private static List<Double> positive(double[] values) {
        return Arrays.stream(values).mapToObj(LatencyPercentiles::positive).toList();
    }

    private static Double positive(double value) {
        return value > 0 ? value : null;
    }
}
