package io.github.schemachurn.report;

import java.util.List;

/**
 * A headline figure: the mean of its per-fork values (so the headline is what the forks show), a
 * 95 % error bar over forks (none with one fork: its iterations share one JVM, CPU placement and
 * database, and are no replicates), and whether the forks disagree ({@link Stats#forksDisagree}); a
 * disagreeing figure is shown as its fork range and never wins.
 * A share of attempts ({@link #share}) has its own interval, {@code low} to {@code high}, within 0-1.
 */
public record Estimate(double value, double error, List<Double> forks, boolean forksDisagree, double low, double high) {
    public Estimate {
        forks = List.copyOf(forks);
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("an estimate needs at least one fork");
        }
    }

    public static Estimate of(List<Double> forks, boolean checkForks) {
        double error = Stats.halfWidth(forks);
        double value = Stats.mean(forks);
        return new Estimate(value, error, forks, checkForks && Stats.forksDisagree(forks), value - error, value + error);
    }

    /**
     * A share of attempts: per fork {@code {hits, attempts}}; the value is the mean of the forks'
     * shares, the interval {@link Stats#shareInterval} over the forks (the unit that repeats: the
     * iterations of one fork share its JVM, its CPU placement and its database). None with one fork.
     */
    static Estimate share(List<long[]> forkCounts) {
        List<Double> shares = forkCounts.stream().map(c -> c[1] == 0 ? 0.0 : (double) c[0] / c[1]).toList();
        double value = Stats.mean(shares);
        double[] interval = Stats.shareInterval(forkCounts.stream().filter(c -> c[1] > 0).toList());
        double low = Math.min(interval[0], value);
        double high = Math.max(interval[1], value);
        return new Estimate(value, (high - low) / 2, shares, false, low, high);
    }

    /** A timing or rate as JMH measured it: per fork the mean of its iterations. */
    static Estimate of(Result.Metric metric) {
        return of(metric.forks().stream().map(Stats::mean).toList(), true);
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

    /** As a percentage of attempts (a {@link #share}), with its 95 % interval when the forks give one. */
    public String percent() {
        String v = Fmt.pct(100 * value);
        if (value == 0 && !(high >= 1e-4)) { // none counted: one fork, or forks whose interval is below 0.01 %
            return v;
        }
        if (forks.size() < 2) {
            return v + " (one fork: no interval)";
        }
        return Double.isNaN(low) || 100 * (high - low) < 0.01 ? v : v + " (" + Fmt.pctRange(100 * low, 100 * high) + ")";
    }
}
