package io.github.schemachurn.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The phase map of the threshold model: measured churn configurations by schema size and DDL rate, coloured by their SCHEMA share, under the predicted boundary. */
public final class ThresholdChart {
    /** A measured configuration: its extra tables, its DDL commits per second, its SCHEMA share of operations (a fraction). */
    public record Measured(double extraTables, double ddlPerSecond, double schemaShare) {}

    /** The SCHEMA share's buckets, each in its colour: from a cool grey-blue (none) to red (most operations fail). */
    private static final Map<String, Color> SEVERITY = new LinkedHashMap<>();

    static {
        SEVERITY.put("no SCHEMA", new Color(0x6b8fb3));
        SEVERITY.put("SCHEMA ≤ 1 %", new Color(0xe8c547));
        SEVERITY.put("SCHEMA 1–50 %", new Color(0xf28e2b));
        SEVERITY.put("SCHEMA > 50 %", new Color(0xc8102e));
    }

    private ThresholdChart() {}

    /**
     * @param boundary DDL commits per second above which the model predicts SCHEMA, by extra tables;
     *                 drawn from {@code minTables} to twice {@code maxTables}
     */
    public static byte[] png(List<Measured> points, DoubleUnaryOperator boundary, double minTables, double maxTables) {
        Map<String, List<Measured>> buckets = new LinkedHashMap<>();
        for (String b : SEVERITY.keySet()) {
            buckets.put(b, new ArrayList<>());
        }
        for (Measured p : points) {
            String b = p.schemaShare() == 0 ? "no SCHEMA" : p.schemaShare() <= 0.01 ? "SCHEMA ≤ 1 %"
                    : p.schemaShare() <= 0.5 ? "SCHEMA 1–50 %" : "SCHEMA > 50 %";
            buckets.get(b).add(p);
        }
        XYChart chart = new XYChartBuilder().width(900).height(600).title("SCHEMA share of operations: measured against the model")
                .xAxisTitle("extra tables + 1 (log)").yAxisTitle("DDL commits per second (log)").build();
        XYStyler s = chart.getStyler();
        s.setXAxisLogarithmic(true);
        s.setYAxisLogarithmic(true);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        Style.common(s);
        s.setMarkerSize(10);
        s.setXAxisDecimalPattern(Style.NUMBER_PATTERN);
        s.setYAxisDecimalPattern(Style.NUMBER_PATTERN);
        buckets.forEach((name, list) -> {
            if (!list.isEmpty()) {
                add(chart, name, list.stream().map(p -> p.extraTables() + 1).toList(),
                        list.stream().map(p -> Math.max(p.ddlPerSecond(), 0.1)).toList(), false, SEVERITY.get(name));
            }
        });
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (double n = Math.max(1, minTables + 1); n <= 2 * (maxTables + 1); n *= 1.25) {
            x.add(n);
            y.add(boundary.applyAsDouble(n - 1));
        }
        if (!x.isEmpty()) {
            add(chart, "predicted boundary: DDL/s = 1 / re-prepare cost", x, y, true, Color.BLACK);
        }
        return Style.png(chart);
    }

    private static void add(XYChart chart, String name, List<Double> x, List<Double> y, boolean line, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setXYSeriesRenderStyle(line ? XYSeries.XYSeriesRenderStyle.Line : XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(line ? SeriesMarkers.NONE : SeriesMarkers.CIRCLE);
        series.setLineColor(color);
        series.setMarkerColor(color);
    }
}
