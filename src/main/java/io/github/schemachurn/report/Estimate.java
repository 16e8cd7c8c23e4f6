package io.github.schemachurn.report;

import java.util.List;

/**
 * A headline figure: the mean of its per-fork values (so the headline is what the forks show), a
 * 95 % error bar (over forks, or over iterations when there is one fork), and whether the forks
 * disagree ({@link Stats#forksDisagree}); a disagreeing figure is shown as its fork range and never wins.
 */
public record Estimate(double value, double error, List<Double> forks, boolean forksDisagree) {
    public Estimate {
        forks = List.copyOf(forks);
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("an estimate needs at least one fork");
        }
    }

    /** @param iterations the per-iteration values, used for the error bar when there is only one fork */
    public static Estimate of(List<Double> forks, List<Double> iterations, boolean checkForks) {
        double error = forks.size() > 1 ? Stats.halfWidth(forks) : Stats.halfWidth(iterations);
        return new Estimate(Stats.mean(forks), error, forks, checkForks && Stats.forksDisagree(forks));
    }

    /** A timing or rate as JMH measured it: per fork the mean of its iterations. */
    static Estimate of(Result.Metric metric) {
        return of(metric.forks().stream().map(Stats::mean).toList(), metric.forks().get(0), true);
    }

    double min() {
        return forks.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    double max() {
        return forks.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** Relative error, NaN without an error bar. */
    double relativeError() {
        return value == 0 ? (error == 0 ? 0 : Double.NaN) : Math.abs(error / value);
    }

    public String text() {
        if (forksDisagree) {
            return "⚠ " + Fmt.num(min()) + "–" + Fmt.num(max());
        }
        return Double.isNaN(error) ? Fmt.num(value) : Fmt.num(value) + " ± " + Fmt.num(error);
    }

    /** As a percentage of attempts (the value is a fraction). */
    public String percent() {
        String v = Fmt.pct(100 * value);
        return Double.isNaN(error) || 100 * error < 0.01 ? v : v + " ± " + Fmt.pct(100 * error);
    }
}
