package io.github.schemachurn.report.chart;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Code 17's share of pages against registrations per second, measured per configuration, under each series' window-model line. */
public final class WindowModelChart {
    /**
     * A measured configuration of one series (e.g. "legacy, 200 users"): registrations/s achieved, its
     * code-17 share of pages and that share's 95 % interval, in percent.
     */
    public record Point(String series, double registrationsPerSecond, double sharePercent, double lowPercent, double highPercent) {}

    /** A series' model: share (percent) = registrations/s x {@code windowSeconds} x 100. */
    public record Line(String series, double windowSeconds) {}

    private WindowModelChart() {}

    public static byte[] png(List<Point> points, List<Line> lines) {
        XYChart chart = new XYChartBuilder().width(900).height(560).title("Code 17 on the seed's site: measured against the window model")
                .xAxisTitle("registrations per second (achieved)").yAxisTitle("pages with code 17 (%)").build();
        XYStyler s = Style.common(chart.getStyler());
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setMarkerSize(9);
        s.setXAxisDecimalPattern(Style.NUMBER_PATTERN);
        s.setYAxisDecimalPattern(Style.NUMBER_PATTERN);
        Map<String, List<Point>> bySeries = new LinkedHashMap<>();
        points.forEach(p -> bySeries.computeIfAbsent(p.series(), k -> new ArrayList<>()).add(p));
        double maxRate = points.stream().mapToDouble(Point::registrationsPerSecond).max().orElse(1);
        List<String> names = new ArrayList<>(bySeries.keySet());
        lines.stream().map(Line::series).filter(n -> !names.contains(n)).forEach(names::add);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            List<Point> measured = bySeries.getOrDefault(name, List.of());
            if (!measured.isEmpty()) {
                XYSeries series = chart.addSeries(name + ", measured", measured.stream().map(Point::registrationsPerSecond).toList(),
                        measured.stream().map(Point::sharePercent).toList(),
                        measured.stream().map(p -> Double.isNaN(p.highPercent()) ? 0 : (p.highPercent() - p.lowPercent()) / 2).toList());
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                series.setMarker(SeriesMarkers.CIRCLE);
                series.setMarkerColor(Style.optionColor(i));
            }
            int colour = i;
            lines.stream().filter(l -> l.series().equals(name)).findFirst().ifPresent(l -> {
                XYSeries line = chart.addSeries(name + ", model", List.of(0.0, maxRate), List.of(0.0, 100 * maxRate * l.windowSeconds()));
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(Style.optionColor(colour));
                line.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            });
        }
        return Style.png(chart);
    }
}
