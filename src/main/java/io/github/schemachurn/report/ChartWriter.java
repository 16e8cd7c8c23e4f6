package io.github.schemachurn.report;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws one question's chart as PNG with XChart: one dot per fork, never a bar of the mean, so
 * that a bimodal result shows as two clusters. One colour per journal mode.
 */
final class ChartWriter {
    private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP};

    private ChartWriter() {}

    /** A named set of points: for each category, the value of every fork (empty where not measured). */
    record Series(String name, List<List<Double>> forkValuesPerCategory) {
        Series {
            forkValuesPerCategory = forkValuesPerCategory.stream().map(List::copyOf).toList();
        }
    }

    record Chart(String title, String xTitle, String yTitle, List<String> categories, List<Series> series) {
        Chart {
            categories = List.copyOf(categories);
            series = List.copyOf(series);
            for (Series s : series) {
                if (s.forkValuesPerCategory().size() != categories.size()) {
                    throw new IllegalArgumentException(s.name() + ": " + s.forkValuesPerCategory().size()
                            + " value lists for " + categories.size() + " categories");
                }
            }
        }
    }

    static byte[] png(Chart spec) {
        CategoryChart chart = new CategoryChartBuilder().width(900).height(450).title(spec.title())
                .xAxisTitle(spec.xTitle()).yAxisTitle(spec.yTitle()).build();
        Styler styler = chart.getStyler();
        chart.getStyler().setDefaultSeriesRenderStyle(org.knowm.xchart.CategorySeries.CategorySeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setMarkerSize(9);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setXAxisLabelRotation(spec.categories().size() > 5 ? 20 : 0);
        styler.setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLocale(java.util.Locale.ROOT);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        int maxForks = spec.series().stream().flatMap(s -> s.forkValuesPerCategory().stream())
                .mapToInt(List::size).max().orElse(0);
        boolean anyPoint = false;
        for (int s = 0; s < spec.series().size(); s++) {
            Series series = spec.series().get(s);
            for (int fork = 0; fork < maxForks; fork++) {
                List<Double> values = new ArrayList<>();
                boolean any = false;
                for (List<Double> forks : series.forkValuesPerCategory()) {
                    Double value = fork < forks.size() ? forks.get(fork) : null;
                    any |= value != null;
                    values.add(value);
                }
                if (!any) {
                    continue;
                }
                anyPoint = true;
                String name = series.name() + (fork == 0 ? "" : " (fork " + (fork + 1) + ")");
                CategorySeries added = chart.addSeries(name, spec.categories(), values);
                added.setMarkerColor(COLORS[s % COLORS.length]);
                added.setMarker(MARKERS[s % MARKERS.length]);
                added.setShowInLegend(fork == 0);
            }
        }
        if (!anyPoint) {
            throw new IllegalArgumentException("chart '" + spec.title() + "' has no points");
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
