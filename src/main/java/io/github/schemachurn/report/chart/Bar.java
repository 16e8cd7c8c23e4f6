package io.github.schemachurn.report.chart;

/** A bar's value and the ends of its 95 % interval, drawn as a whisker; NaN ends for none. */
public record Bar(double value, double low, double high) {
    boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
