package io.github.schemachurn.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's three kinds of chart, as PNG bytes (XChart): outcome shares stacked, rates per fork on a log axis, the phase map. */
public final class Charts {
    private static final Color[] COLORS = {new Color(0x2ca02c), new Color(0xd62728), new Color(0xff7f0e), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf), new Color(0x1f77b4)};

    private Charts() {}

    /** One stacked bar per configuration: the share of attempts per outcome (ok first), in percent. */
    public static byte[] shares(String title, String xTitle, List<String> categories, Map<String, List<Double>> percentByOutcome) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(650).title(title)
                .xAxisTitle(xTitle).yAxisTitle("% of attempts").build();
        style(chart.getStyler(), categories.size());
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

    /** Successful operations per second, one dot per fork, on a log axis (zero is left out). */
    static byte[] rates(String title, String xTitle, String yTitle, List<String> categories, List<List<Double>> forkValues) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(650).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle + " (log)").build();
        style(chart.getStyler(), categories.size());
        chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendVisible(false);
        int maxForks = forkValues.stream().mapToInt(List::size).max().orElse(0);
        boolean any = false;
        for (int fork = 0; fork < maxForks; fork++) {
            List<Double> values = new ArrayList<>();
            for (List<Double> forks : forkValues) {
                Double v = fork < forks.size() ? forks.get(fork) : null;
                values.add(v != null && v > 0 ? v : null);
            }
            if (values.stream().anyMatch(v -> v != null)) {
                CategorySeries s = chart.addSeries("fork " + (fork + 1), categories, values);
                s.setMarkerColor(COLORS[9]);
                s.setMarker(SeriesMarkers.CIRCLE);
                any = true;
            }
        }
        return any ? png(chart) : null;
    }

    /** A named set of (x, y) points, or a line when {@code line}. */
    record Points(String name, List<Double> x, List<Double> y, boolean line) {}

    static byte[] phaseMap(String title, String xTitle, String yTitle, List<Points> series) {
        XYChart chart = new XYChartBuilder().width(900).height(600).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLocale(Locale.ROOT);
        chart.getStyler().setMarkerSize(10);
        int c = 0;
        for (Points p : series) {
            if (p.x().isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries(p.name(), p.x(), p.y());
            s.setXYSeriesRenderStyle(p.line() ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(p.line() ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
            s.setLineColor(Color.BLACK);
            s.setMarkerColor(COLORS[c++ % COLORS.length]);
        }
        return png(chart);
    }

    private static void style(Styler styler, int categories) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setLocale(Locale.ROOT);
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        if (styler instanceof org.knowm.xchart.style.CategoryStyler c) {
            c.setXAxisLabelRotation(categories > 4 ? 90 : 0);
            c.setYAxisDecimalPattern("#,##0.###");
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
