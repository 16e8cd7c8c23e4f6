package io.github.schemachurn.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The charts, as PNG bytes (XChart): outcome shares stacked, options' rates and failed shares with their intervals, latency percentiles, the phase map. */
public final class Charts {
    private static final Color[] COLORS = {new Color(0x2ca02c), new Color(0xd62728), new Color(0xff7f0e), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf), new Color(0x1f77b4)};

    private Charts() {}

    /** One stacked bar per configuration: the share of attempts per outcome (ok first), in percent. */
    public static byte[] shares(String title, String xTitle, List<String> categories, Map<String, List<Double>> percentByOutcome) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(650).title(title)
                .xAxisTitle(xTitle).yAxisTitle("% of attempts").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(categories.size() > 4 ? 90 : 0);
        chart.getStyler().setStacked(true);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setYAxisMin(0.0);
        int c = 0;
        for (Map.Entry<String, List<Double>> outcome : percentByOutcome.entrySet()) {
            CategorySeries s = chart.addSeries(outcome.getKey(), categories, outcome.getValue());
            s.setFillColor(COLORS[c++ % COLORS.length]);
        }
        return png(chart);
    }

    /** Options' colours: none of them reads as good or bad (no green first, no red second). */
    private static final Color[] OPTION_COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x9467bd), new Color(0x17becf),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0xbcbd22), new Color(0x7f7f7f), new Color(0x2ca02c), new Color(0xd62728)};

    /** The colour of the i-th option of a param (in the run's order), the same in every chart. */
    static Color color(int i) {
        return OPTION_COLORS[Math.floorMod(i, OPTION_COLORS.length)];
    }

    /** The font of the category labels, which this class draws under the plot itself: XChart draws one line per label and overlaps or skips what does not fit. */
    static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** Room on each side of a label inside its category's slot, in pixels. */
    static final int LABEL_GAP = 6;
    /** The share of the plot's width and height XChart spreads its data over (its default). */
    private static final double PLOT_CONTENT = 0.92;
    /** How the charts write a number: on their axes and over the failed-share bars. */
    private static final String NUMBER_PATTERN = "#,##0.##";
    /** The font of the values written over the failed-share bars. */
    private static final Font VALUE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    /** Below this many pixels of plot height a panel is too small to show its bars. */
    static final int MIN_PLOT_HEIGHT = 120;

    /**
     * Options compared under several conditions (the categories): per condition one bar per option,
     * in the option's colour. Values are per option, per condition: the successful operations per
     * second and the failed share of attempts; null where the option was not measured under that condition.
     *
     * @param labels per condition its label, one line per param that varies between the conditions
     * @param notes  sentences under the labels: which param each label line is, what every condition shares
     */
    record Grouped(String title, List<String> options, List<Color> colors, List<List<String>> labels, List<String> notes,
                   List<List<Estimate>> rates, List<List<Estimate>> failedShares) {}

    /** A rendered chart and where it drew what, in the image's pixels: its plot areas, each category's slot and label box. */
    record Figure(byte[] png, int width, int height, List<Rectangle> plots, List<Rectangle> slots, List<Rectangle> labels,
                  List<List<String>> labelLines) {}

    /**
     * Two panels over the same conditions: successful operations per second on a log axis (values span
     * decades; no bar where none succeeded), and the failed share of attempts, 0-100 %, each bar with its
     * value; every bar whose figure has a 95 % interval carries it as a whisker. The title is wrapped to
     * the figure's width; the conditions are named under the lower panel, every one of them, in lines
     * that fit its slot.
     */
    static Figure grouped(Grouped g) {
        int n = g.labels().size();
        FontMetrics metrics = metrics(LABEL_FONT);
        int widest = g.labels().stream().flatMap(List::stream).mapToInt(metrics::stringWidth).max().orElse(0);
        int slot = Math.max(Math.max(widest + 2 * LABEL_GAP, 18 * g.options().size() + 12), 80);
        int plotWidth = (int) Math.ceil(Math.max(slot * n, 420) / PLOT_CONTENT);
        List<Double> rates = g.rates().stream().flatMap(List::stream).filter(e -> e != null && e.value() > 0).map(Estimate::value).toList();
        // Whole decades, the lowest at least half the smallest bar below it: every bar visibly tall.
        double low = rates.isEmpty() ? 1 : Math.pow(10, Math.floor(Math.log10(java.util.Collections.min(rates) / 2)));
        double high = rates.isEmpty() ? 10 : Math.pow(10, Math.ceil(Math.log10(java.util.Collections.max(rates) * 1.01)));
        Painted upper = aligned(width -> panel(g, width, 400, true, low, high), plotWidth);
        Painted lower = aligned(width -> panel(g, width, 250, false, 0, 100), plotWidth);
        BufferedImage top = upper.image();
        BufferedImage bottom = lower.image();
        Rectangle topPlot = upper.plot();
        Rectangle bottomPlot = lower.plot();
        int left = Math.max(topPlot.x, bottomPlot.x);
        int width = left + plotWidth + Math.max(top.getWidth() - topPlot.x - topPlot.width, bottom.getWidth() - bottomPlot.x - bottomPlot.width);
        int lineHeight = metrics.getHeight();
        FontMetrics titleMetrics = metrics(TITLE_FONT);
        List<String> title = wrap(List.of(g.title()), titleMetrics, width - 2 * LABEL_GAP);
        int panelsTop = title.size() * titleMetrics.getHeight() + 2 * LABEL_GAP;
        int lines = g.labels().stream().mapToInt(List::size).max().orElse(1);
        int bandTop = panelsTop + top.getHeight() + bottom.getHeight();
        int bandHeight = lines * lineHeight + 2 * LABEL_GAP;
        List<String> notes = wrap(g.notes(), metrics, width - 2 * LABEL_GAP);
        int height = bandTop + bandHeight + notes.size() * lineHeight + LABEL_GAP;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.drawImage(top, left - topPlot.x, panelsTop, null);
        graphics.drawImage(bottom, left - bottomPlot.x, panelsTop + top.getHeight(), null);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(Color.BLACK);
        graphics.setFont(TITLE_FONT);
        for (int l = 0; l < title.size(); l++) {
            graphics.drawString(title.get(l), LABEL_GAP, LABEL_GAP + titleMetrics.getAscent() + l * titleMetrics.getHeight());
        }
        graphics.setFont(LABEL_FONT);
        List<Rectangle> slots = new ArrayList<>();
        List<Rectangle> boxes = new ArrayList<>();
        // XChart spreads the categories over PLOT_CONTENT of the plot's width, centred.
        double slotWidth = PLOT_CONTENT * plotWidth / n;
        double margin = (plotWidth - PLOT_CONTENT * plotWidth) / 2;
        for (int c = 0; c < n; c++) {
            int x0 = left + (int) Math.round(margin + c * slotWidth);
            int x1 = left + (int) Math.round(margin + (c + 1) * slotWidth);
            slots.add(new Rectangle(x0, bandTop, x1 - x0, bandHeight));
            graphics.setColor(Color.LIGHT_GRAY);
            if (c > 0) {
                graphics.drawLine(x0, panelsTop + top.getHeight() + bottomPlot.y, x0, bandTop + bandHeight - 2);
            }
            graphics.setColor(Color.BLACK);
            Rectangle box = null;
            List<String> label = g.labels().get(c);
            for (int l = 0; l < label.size(); l++) {
                int w = metrics.stringWidth(label.get(l));
                int x = x0 + (x1 - x0 - w) / 2;
                int baseline = bandTop + LABEL_GAP + metrics.getAscent() + l * lineHeight;
                graphics.drawString(label.get(l), x, baseline);
                Rectangle line = new Rectangle(x, baseline - metrics.getAscent(), w, metrics.getAscent() + metrics.getDescent());
                box = box == null ? line : box.union(line);
            }
            boxes.add(box == null ? new Rectangle(x0 + (x1 - x0) / 2, bandTop, 0, 0) : box);
        }
        graphics.setColor(Color.DARK_GRAY);
        for (int l = 0; l < notes.size(); l++) {
            graphics.drawString(notes.get(l), LABEL_GAP, bandTop + bandHeight + metrics.getAscent() + l * lineHeight);
        }
        graphics.dispose();
        List<Rectangle> plots = List.of(new Rectangle(left, panelsTop + topPlot.y, plotWidth, topPlot.height),
                new Rectangle(left, panelsTop + top.getHeight() + bottomPlot.y, plotWidth, bottomPlot.height));
        return new Figure(png(image), width, height, plots, slots, boxes, g.labels());
    }

    /**
     * Latency percentiles of options compared under several conditions: one small plot per condition
     * (its label above it), per option a line from p50 to p99.9 of successful operations on a log axis
     * shared by all plots, and apart from it, crosses at p50 and p99 of failed ones in the same colour.
     *
     * @param ok     per option, per condition: p50, p90, p99, p99.9 in µs, or null where not measured
     * @param failed per option, per condition: p50, p99 of failed operations in µs, or null where none failed
     */
    record Percentiles(String title, List<String> options, List<Color> colors, List<List<String>> labels, List<String> notes,
                       List<List<double[]>> ok, List<List<double[]>> failed) {}

    static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99.9", "fail p50", "fail p99");
    private static final int TILE_WIDTH = 400;
    private static final int TILE_HEIGHT = 250;
    private static final int TILES_PER_ROW = 4;

    static Figure percentiles(Percentiles p) {
        int n = p.labels().size();
        FontMetrics metrics = metrics(LABEL_FONT);
        int lineHeight = metrics.getHeight();
        List<Double> all = new ArrayList<>();
        p.ok().forEach(o -> o.stream().filter(java.util.Objects::nonNull).forEach(v -> java.util.Arrays.stream(v).forEach(all::add)));
        p.failed().forEach(o -> o.stream().filter(java.util.Objects::nonNull).forEach(v -> java.util.Arrays.stream(v).forEach(all::add)));
        all.removeIf(v -> !(v > 0));
        double low = all.isEmpty() ? 1 : Math.pow(10, Math.floor(Math.log10(java.util.Collections.min(all))));
        double high = all.isEmpty() ? 10 : Math.pow(10, Math.ceil(Math.log10(java.util.Collections.max(all) * 1.01)));
        int columns = Math.min(n, TILES_PER_ROW);
        int rows = (n + columns - 1) / columns;
        int titleLines = p.labels().stream().mapToInt(l -> wrap(List.of(String.join(" · ", l)), metrics, TILE_WIDTH - 2 * LABEL_GAP).size())
                .max().orElse(1);
        int cellHeight = titleLines * lineHeight + LABEL_GAP + TILE_HEIGHT;
        int legendWidth = p.options().stream().mapToInt(o -> 34 + metrics.stringWidth(o)).sum() + metrics.stringWidth(LATENCY_KEY) + 2 * LABEL_GAP;
        int width = Math.max(columns * TILE_WIDTH, legendWidth);
        List<String> titleLinesOfFigure = wrap(List.of(p.title()), metrics(TITLE_FONT), width - 2 * LABEL_GAP);
        int legendTop = titleLinesOfFigure.size() * lineHeight + 2 * LABEL_GAP;
        int gridTop = legendTop + 2 * lineHeight;
        List<String> notes = wrap(p.notes(), metrics, width - 2 * LABEL_GAP);
        int height = gridTop + rows * cellHeight + notes.size() * lineHeight + 2 * LABEL_GAP;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(Color.BLACK);
        graphics.setFont(TITLE_FONT);
        for (int l = 0; l < titleLinesOfFigure.size(); l++) {
            graphics.drawString(titleLinesOfFigure.get(l), LABEL_GAP, LABEL_GAP + metrics.getAscent() + l * lineHeight);
        }
        graphics.setFont(LABEL_FONT);
        int x = LABEL_GAP;
        int legendBaseline = legendTop + metrics.getAscent();
        for (int o = 0; o < p.options().size(); o++) {
            graphics.setColor(p.colors().get(o));
            graphics.fillRect(x, legendBaseline - metrics.getAscent() + 2, 12, 12);
            graphics.setColor(Color.BLACK);
            graphics.drawString(p.options().get(o), x + 16, legendBaseline);
            x += 16 + metrics.stringWidth(p.options().get(o)) + 18;
        }
        graphics.drawString(LATENCY_KEY, x, legendBaseline);

        List<Rectangle> plots = new ArrayList<>();
        List<Rectangle> slots = new ArrayList<>();
        List<Rectangle> boxes = new ArrayList<>();
        List<List<String>> tileLines = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int left = (c % columns) * TILE_WIDTH;
            int top = gridTop + (c / columns) * cellHeight;
            slots.add(new Rectangle(left, top, TILE_WIDTH, cellHeight));
            List<String> lines = wrap(List.of(String.join(" · ", p.labels().get(c))), metrics, TILE_WIDTH - 2 * LABEL_GAP);
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
            Panel tile = tile(p, c, low, high);
            BufferedImage tileImage = BitmapEncoder.getBufferedImage(tile);
            int tileTop = top + titleLines * lineHeight + LABEL_GAP;
            graphics.drawImage(tileImage, left, tileTop, null);
            Rectangle plot = tile.plotArea();
            plots.add(new Rectangle(left + plot.x, tileTop + plot.y, plot.width, plot.height));
        }
        graphics.setColor(Color.DARK_GRAY);
        int notesTop = gridTop + rows * cellHeight + LABEL_GAP;
        for (int l = 0; l < notes.size(); l++) {
            graphics.drawString(notes.get(l), LABEL_GAP, notesTop + metrics.getAscent() + l * lineHeight);
        }
        graphics.dispose();
        return new Figure(png(image), width, height, plots, slots, boxes, tileLines);
    }

    private static final String LATENCY_KEY = "line: successful operations; ×: failed ones";
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);

    private static Panel tile(Percentiles p, int condition, double low, double high) {
        Panel chart = new Panel(TILE_WIDTH, TILE_HEIGHT);
        CategoryStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setLocale(Locale.ROOT);
        s.setLegendVisible(false);
        s.setChartTitleVisible(false);
        s.setXAxisTitleVisible(false);
        s.setYAxisLogarithmic(true);
        s.setYAxisMin(low);
        s.setYAxisMax(high);
        s.setYAxisDecimalPattern(NUMBER_PATTERN);
        s.setMarkerSize(8);
        s.setOverlapped(true); // every option at the percentile's own x, not side by side as bars
        s.setXAxisTickMarkSpacingHint(30); // XChart skips category labels closer than the hint: six fit
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        chart.setYAxisTitle("µs (log)");
        s.setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        for (int o = 0; o < p.options().size(); o++) {
            double[] ok = p.ok().get(o).get(condition);
            double[] failed = p.failed().get(o).get(condition);
            if (ok != null) {
                List<Double> values = new ArrayList<>(positive(ok));
                values.addAll(java.util.Arrays.asList(null, null));
                CategorySeries line = chart.addSeries(p.options().get(o), PERCENTILES, values);
                line.setLineColor(p.colors().get(o));
                line.setMarkerColor(p.colors().get(o));
                line.setMarker(SeriesMarkers.CIRCLE);
            }
            if (failed != null) {
                List<Double> crosses = java.util.Arrays.asList(null, null, null, null, positive(failed[0]), positive(failed[1]));
                if (crosses.stream().anyMatch(java.util.Objects::nonNull)) {
                    CategorySeries cross = chart.addSeries(p.options().get(o) + " failed", PERCENTILES, crosses);
                    cross.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
                    cross.setMarker(SeriesMarkers.CROSS);
                    cross.setMarkerColor(p.colors().get(o));
                }
            }
        }
        if (chart.getSeriesCollection().isEmpty()) {
            chart.addSeries("none", PERCENTILES, java.util.Arrays.asList(null, null, null, null, null, low));
        }
        return chart;
    }

    private static List<Double> positive(double[] values) {
        return java.util.Arrays.stream(values).mapToObj(Charts::positive).toList();
    }

    private static Double positive(double value) {
        return value > 0 ? value : null;
    }

    /** One panel of {@link #grouped}: the rates (log, whole decades from {@code min} to {@code max}), or the failed shares. */
    private static Panel panel(Grouped g, int width, int height, boolean rates, double min, double max) {
        Panel chart = new Panel(width, height);
        CategoryStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setLocale(Locale.ROOT);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setXAxisTicksVisible(false);
        s.setXAxisTitleVisible(false);
        s.setPlotContentSize(PLOT_CONTENT);
        s.setAvailableSpaceFill(0.8);
        s.setYAxisDecimalPattern(NUMBER_PATTERN);
        s.setYAxisMin(min);
        s.setYAxisMax(max);
        List<String> categories = new ArrayList<>();
        for (int c = 0; c < g.labels().size(); c++) {
            categories.add(String.valueOf(c + 1));
        }
        s.setChartTitleVisible(false); // grouped draws the title, wrapped: XChart cuts a long one at both ends
        double scale = rates ? 1 : 100;
        List<List<Estimate>> figures = rates ? g.rates() : g.failedShares();
        List<List<Double>> values = figures.stream().map(list -> list.stream()
                .map(e -> e == null || (rates && e.value() <= 0) ? null : scale * e.value()).toList()).toList();
        chart.whiskers = figures.stream().map(list -> list.stream().map(e -> e == null || e.forks().size() < 2
                || Double.isNaN(e.low()) || Double.isNaN(e.high()) || (rates && e.value() <= 0) ? null
                : new double[] {scale * e.low(), scale * e.high()}).toList()).toList();
        if (rates) {
            chart.setYAxisTitle("successful operations/s (log)");
            s.setYAxisLogarithmic(true);
        } else {
            chart.setYAxisTitle("failed, % of attempts");
            chart.values = values; // each bar's value written above its whisker, where XChart would write it across
        }
        for (int o = 0; o < g.options().size(); o++) {
            List<Double> v = values.get(o);
            // XChart refuses a series without a value: an option measured nowhere here keeps its legend entry.
            List<Double> drawn = v.stream().allMatch(java.util.Objects::isNull) ? zeros(v.size(), rates) : v;
            chart.addSeries(g.options().get(o), categories, drawn).setFillColor(g.colors().get(o));
        }
        return chart;
    }

    private static List<Double> zeros(int size, boolean rates) {
        List<Double> list = new ArrayList<>(java.util.Collections.nCopies(size, (Double) null));
        list.set(0, rates ? Double.MIN_NORMAL : 0.0);
        return list;
    }

    /**
     * A CategoryChart that tells where XChart put its plot area once painted, and draws each bar's
     * 95 % interval over it: XChart's own error bars are symmetric, wrong on a log axis (a length of
     * log10(error)) and misaligned after a missing bar.
     */
    private static final class Panel extends CategoryChart {
        /** Per series, per category: {low, high} of the bar's interval, or null for none. */
        List<List<double[]>> whiskers = List.of();
        /** Per series, per category: the value to write over the bar (vertically), or null; none when empty. */
        List<List<Double>> values = List.of();

        Panel(int width, int height) {
            super(width, height);
        }

        Rectangle plotArea() {
            return plot.getBounds().getBounds();
        }

        @Override
        public void paint(Graphics2D g, int width, int height) {
            super.paint(g, width, height);
            if (whiskers.isEmpty() && values.isEmpty()) {
                return;
            }
            java.awt.geom.Rectangle2D b = plot.getBounds();
            boolean log = getStyler().isYAxisLogarithmic();
            double min = getStyler().getYAxisMin();
            double max = getStyler().getYAxisMax();
            java.util.function.DoubleUnaryOperator y = v -> {
                double clamped = Math.max(min, Math.min(max, v));
                double t = log ? Math.log10(clamped / min) / Math.log10(max / min) : (clamped - min) / (max - min);
                return b.getY() + b.getHeight() * (1 - (1 - PLOT_CONTENT) / 2) - t * PLOT_CONTENT * b.getHeight();
            };
            // Where XChart puts a bar: categories spread over PLOT_CONTENT of the width, centred; in each,
            // the series side by side over the styler's available-space fill of the category's step.
            double step = PLOT_CONTENT * b.getWidth() / Math.max(1, whiskers.isEmpty() ? 1 : whiskers.get(0).size());
            double fill = getStyler().getAvailableSpaceFill();
            double barWidth = step / Math.max(1, whiskers.size()) * fill;
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new java.awt.BasicStroke(1.2f));
            for (int s = 0; s < whiskers.size(); s++) {
                for (int c = 0; c < whiskers.get(s).size(); c++) {
                    double[] interval = whiskers.get(s).get(c);
                    if (interval == null) {
                        continue;
                    }
                    double x = centre(b, step, fill, barWidth, s, c);
                    double lowY = y.applyAsDouble(interval[0]);
                    double highY = y.applyAsDouble(interval[1]);
                    g.draw(new java.awt.geom.Line2D.Double(x, lowY, x, highY));
                    // A cap where the interval ends; none where it runs off the axis.
                    if (interval[0] >= min) {
                        g.draw(new java.awt.geom.Line2D.Double(x - 3, lowY, x + 3, lowY));
                    }
                    if (interval[1] <= max) {
                        g.draw(new java.awt.geom.Line2D.Double(x - 3, highY, x + 3, highY));
                    }
                }
            }
            g.setColor(Color.BLACK);
            g.setFont(VALUE_FONT);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            FontMetrics metrics = g.getFontMetrics();
            java.text.DecimalFormat format = new java.text.DecimalFormat(NUMBER_PATTERN, java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
            for (int s = 0; s < values.size(); s++) {
                for (int c = 0; c < values.get(s).size(); c++) {
                    Double value = values.get(s).get(c);
                    if (value == null) {
                        continue;
                    }
                    double[] interval = whiskers.get(s).get(c);
                    String text = format.format(value);
                    double x = centre(b, step, fill, barWidth, s, c);
                    int length = metrics.stringWidth(text);
                    // Reading upwards: above the whisker (or the bar); where that leaves the plot, inside the bar
                    // below the whisker's low end; where the bar is too short for that, beside the whisker.
                    double above = y.applyAsDouble(interval == null ? value : Math.max(value, interval[1])) - 3;
                    double below = y.applyAsDouble(interval == null ? value : Math.min(value, interval[0])) + 3 + length;
                    boolean fitsAbove = above - length >= b.getY();
                    boolean fitsBelow = below <= y.applyAsDouble(min);
                    double start = fitsAbove ? above : fitsBelow ? below : y.applyAsDouble(value) + 3 + length;
                    double shift = fitsAbove || fitsBelow ? 0 : metrics.getAscent() / 2.0 + 3;
                    java.awt.geom.AffineTransform saved = g.getTransform();
                    g.translate(x + shift + (metrics.getAscent() - metrics.getDescent()) / 2.0, start);
                    g.rotate(-Math.PI / 2);
                    g.drawString(text, 0, 0);
                    g.setTransform(saved);
                }
            }
        }

        private static double centre(java.awt.geom.Rectangle2D b, double step, double fill, double barWidth, int series, int category) {
            return b.getX() + (1 - PLOT_CONTENT) / 2 * b.getWidth() + step * category + step * (1 - fill) / 2 + (series + 0.5) * barWidth;
        }
    }

    private record Painted(BufferedImage image, Rectangle plot) {}

    /** The panel painted at the width that gives its plot area exactly {@code plotWidth} pixels (XChart sizes the axis and legend first). */
    private static Painted aligned(java.util.function.IntFunction<Panel> make, int plotWidth) {
        int width = plotWidth + 320;
        for (int attempt = 0; ; attempt++) {
            Panel panel = make.apply(width);
            BufferedImage image = BitmapEncoder.getBufferedImage(panel);
            Rectangle plot = panel.plotArea();
            if (plot.width == plotWidth || attempt == 3) {
                return new Painted(image, plot);
            }
            width += plotWidth - plot.width;
        }
    }

    private static FontMetrics metrics(Font font) {
        Graphics2D graphics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FontMetrics metrics = graphics.getFontMetrics(font);
        graphics.dispose();
        return metrics;
    }

    /** Sentences broken into lines of at most {@code width} pixels, at spaces. */
    static List<String> wrap(List<String> sentences, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        for (String sentence : sentences) {
            StringBuilder line = new StringBuilder();
            for (String word : sentence.split(" ")) {
                if (line.length() > 0 && metrics.stringWidth(line + " " + word) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }
    /** A named set of (x, y) points in their colour, or a line when {@code line}. */
    record Points(String name, List<Double> x, List<Double> y, boolean line, Color color) {}

    static byte[] phaseMap(String title, String xTitle, String yTitle, List<Points> series) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setMarkerSize(10);
        chart.getStyler().setXAxisDecimalPattern(NUMBER_PATTERN);
        chart.getStyler().setYAxisDecimalPattern(NUMBER_PATTERN);
        for (Points p : series) {
            if (p.x().isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(p.name(), p.x(), p.y());
            s.setXYSeriesRenderStyle(p.line() ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(p.line() ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            s.setLineColor(p.color());
            s.setMarkerColor(p.color());
        }
        return png(chart);
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
