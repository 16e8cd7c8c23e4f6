package io.github.schemachurn.report.chart;

import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;

/** Outcome shares stacked: one bar per configuration, the share of attempts per outcome (ok first), in percent. */
public final class SharesChart {
    private SharesChart() {}

    public static byte[] png(String title, String xTitle, List<String> categories, Map<String, List<Double>> percentByOutcome) {
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(650).title(title)
                .xAxisTitle(xTitle).yAxisTitle("% of attempts").build();
        CategoryStyler s = Style.common(chart.getStyler());
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setXAxisLabelRotation(categories.size() > 4 ? 90 : 0);
        s.setStacked(true);
        s.setYAxisMax(100.0);
        s.setYAxisMin(0.0);
        int c = 0;
        for (Map.Entry<String, List<Double>> outcome : percentByOutcome.entrySet()) {
            CategorySeries series = chart.addSeries(outcome.getKey(), categories, outcome.getValue());
            series.setFillColor(Style.OUTCOME_COLORS[c++ % Style.OUTCOME_COLORS.length]);
        }
        return Style.png(chart);
    }
}
