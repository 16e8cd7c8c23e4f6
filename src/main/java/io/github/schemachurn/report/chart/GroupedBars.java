package io.github.schemachurn.report.chart;

import static io.github.schemachurn.report.chart.Style.LABEL_FONT;
import static io.github.schemachurn.report.chart.Style.LABEL_GAP;
import static io.github.schemachurn.report.chart.Style.PLOT_CONTENT;
import static io.github.schemachurn.report.chart.Style.TITLE_FONT;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/**
 * Options compared under several conditions (the categories): per condition one bar per option,
 * in the option's colour. Values are per option, per condition: the successful operations per
 * second and the failed share of attempts (a fraction); null where the option was not measured under that condition.
 *
 * @param labels per condition its label, one line per param that varies between the conditions
 * @param notes  sentences under the labels: which param each label line is, what every condition shares
 */
public record GroupedBars(String title, List<String> options, List<Color> colors, List<List<String>> labels, List<String> notes,
                          List<List<Bar>> rates, List<List<Bar>> failedShares) {

    /**
     * Two panels over the same conditions: successful operations per second on a log axis (values span
     * decades; no bar where none succeeded), and the failed share of attempts, 0-100 %, each bar with its
     * value; every bar whose figure has a 95 % interval carries it as a whisker. The title is wrapped to
     * the figure's width; the conditions are named under the lower panel, every one of them, in lines
     * that fit its slot.
     */
    public Figure draw() {
        int n = labels.size();
        FontMetrics metrics = Style.metrics(LABEL_FONT);
        int widest = labels.stream().flatMap(List::stream).mapToInt(metrics::stringWidth).max().orElse(0);
        int slot = Math.max(Math.max(widest + 2 * LABEL_GAP, 18 * options.size() + 12), 80);
        int plotWidth = (int) Math.ceil(Math.max(slot * n, 420) / PLOT_CONTENT);
        List<Double> positive = rates.stream().flatMap(List::stream).filter(e -> e != null && e.value() > 0).map(Bar::value).toList();
        // Whole decades, the lowest at least half the smallest bar below it: every bar visibly tall.
        double low = positive.isEmpty() ? 1 : Math.pow(10, Math.floor(Math.log10(Collections.min(positive) / 2)));
        double high = positive.isEmpty() ? 10 : Math.pow(10, Math.ceil(Math.log10(Collections.max(positive) * 1.01)));
        Painted upper = aligned(width -> panel(width, 400, true, low, high), plotWidth);
        Painted lower = aligned(width -> panel(width, 250, false, 0, 100), plotWidth);
        BufferedImage top = upper.image();
        BufferedImage bottom = lower.image();
        Rectangle topPlot = upper.plot();
        Rectangle bottomPlot = lower.plot();
        int left = Math.max(topPlot.x, bottomPlot.x);
        int width = left + plotWidth + Math.max(top.getWidth() - topPlot.x - topPlot.width, bottom.getWidth() - bottomPlot.x - bottomPlot.width);
        int lineHeight = metrics.getHeight();
        FontMetrics titleMetrics = Style.metrics(TITLE_FONT);
        List<String> titleLines = Style.wrap(List.of(title), titleMetrics, width - 2 * LABEL_GAP);
        int panelsTop = titleLines.size() * titleMetrics.getHeight() + 2 * LABEL_GAP;
        int lines = labels.stream().mapToInt(List::size).max().orElse(1);
        int bandTop = panelsTop + top.getHeight() + bottom.getHeight();
        int bandHeight = lines * lineHeight + 2 * LABEL_GAP;
        List<String> noteLines = Style.wrap(notes, metrics, width - 2 * LABEL_GAP);
        int height = bandTop + bandHeight + noteLines.size() * lineHeight + LABEL_GAP;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = Style.canvas(image);
        graphics.drawImage(top, left - topPlot.x, panelsTop, null);
        graphics.drawImage(bottom, left - bottomPlot.x, panelsTop + top.getHeight(), null);
        graphics.setColor(Color.BLACK);
        graphics.setFont(TITLE_FONT);
        for (int l = 0; l < titleLines.size(); l++) {
            graphics.drawString(titleLines.get(l), LABEL_GAP, LABEL_GAP + titleMetrics.getAscent() + l * titleMetrics.getHeight());
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
            List<String> label = labels.get(c);
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
        for (int l = 0; l < noteLines.size(); l++) {
            graphics.drawString(noteLines.get(l), LABEL_GAP, bandTop + bandHeight + metrics.getAscent() + l * lineHeight);
        }
        graphics.dispose();
        List<Rectangle> plots = List.of(new Rectangle(left, panelsTop + topPlot.y, plotWidth, topPlot.height),
                new Rectangle(left, panelsTop + top.getHeight() + bottomPlot.y, plotWidth, bottomPlot.height));
        return new Figure(Style.png(image), width, height, plots, slots, boxes, labels);
    }

    /** One panel: the rates (log, whole decades from {@code min} to {@code max}), or the failed shares. */
    private Panel panel(int width, int height, boolean ofRates, double min, double max) {
        Panel chart = new Panel(width, height);
        CategoryStyler s = Style.common(chart.getStyler());
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setXAxisTicksVisible(false);
        s.setXAxisTitleVisible(false);
        s.setPlotContentSize(PLOT_CONTENT);
        s.setAvailableSpaceFill(0.8);
        s.setYAxisDecimalPattern(Style.NUMBER_PATTERN);
        s.setYAxisMin(min);
        s.setYAxisMax(max);
        List<String> categories = new ArrayList<>();
        for (int c = 0; c < labels.size(); c++) {
            categories.add(String.valueOf(c + 1));
        }
        s.setChartTitleVisible(false); // draw() writes the title, wrapped: XChart cuts a long one at both ends
        double scale = ofRates ? 1 : 100;
        List<List<Bar>> figures = ofRates ? rates : failedShares;
        List<List<Double>> values = figures.stream().map(list -> list.stream()
                .map(e -> e == null || (ofRates && e.value() <= 0) ? null : scale * e.value()).toList()).toList();
        chart.whiskers = figures.stream().map(list -> list.stream().map(e -> e == null || !e.hasInterval() || (ofRates && e.value() <= 0)
                ? null : new double[] {scale * e.low(), scale * e.high()}).toList()).toList();
        if (ofRates) {
            chart.setYAxisTitle("successful operations/s (log)");
            s.setYAxisLogarithmic(true);
        } else {
            chart.setYAxisTitle("failed, % of attempts");
            chart.values = values; // each bar's value written above its whisker, where XChart would write it across
        }
        for (int o = 0; o < options.size(); o++) {
            List<Double> v = values.get(o);
            // XChart refuses a series without a value: an option measured nowhere here keeps its legend entry.
            List<Double> drawn = v.stream().allMatch(Objects::isNull) ? zeros(v.size(), ofRates) : v;
            chart.addSeries(options.get(o), categories, drawn).setFillColor(colors.get(o));
        }
        return chart;
    }

    private static List<Double> zeros(int size, boolean ofRates) {
        List<Double> list = new ArrayList<>(Collections.nCopies(size, (Double) null));
        list.set(0, ofRates ? Double.MIN_NORMAL : 0.0);
        return list;
    }

    private record Painted(BufferedImage image, Rectangle plot) {}

    /** The panel painted at the width that gives its plot area exactly {@code plotWidth} pixels (XChart sizes the axis and legend first). */
    private static Painted aligned(IntFunction<Panel> make, int plotWidth) {
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
}
