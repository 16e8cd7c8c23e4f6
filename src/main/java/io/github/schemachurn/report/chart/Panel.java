package io.github.schemachurn.report.chart;

import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;

/**
 * A CategoryChart that tells where XChart put its plot area once painted, and draws each bar's
 * 95 % interval over it: XChart's own error bars are symmetric, wrong on a log axis (a length of
 * log10(error)) and misaligned after a missing bar.
 */
final class Panel extends CategoryChart {
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
            return b.getY() + b.getHeight() * (1 - (1 - Style.PLOT_CONTENT) / 2) - t * Style.PLOT_CONTENT * b.getHeight();
        };
        // Where XChart puts a bar: categories spread over Style.PLOT_CONTENT of the width, centred; in each,
        // the series side by side over the styler's available-space fill of the category's step.
        double step = Style.PLOT_CONTENT * b.getWidth() / Math.max(1, whiskers.isEmpty() ? 1 : whiskers.get(0).size());
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
        g.setFont(Style.VALUE_FONT);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        FontMetrics metrics = g.getFontMetrics();
        java.text.DecimalFormat format = new java.text.DecimalFormat(Style.NUMBER_PATTERN, java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
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
        return b.getX() + (1 - Style.PLOT_CONTENT) / 2 * b.getWidth() + step * category + step * (1 - fill) / 2 + (series + 0.5) * barWidth;
    }
}
