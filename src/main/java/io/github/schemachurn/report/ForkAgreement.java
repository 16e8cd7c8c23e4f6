package io.github.schemachurn.report;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Do a row's forks disagree beyond their own error bars? On two cores a churn run is often
 * bimodal: reader and churner either share one core or run on two, and one fork lands in
 * either regime. Averaging such forks gives a clean-looking number that no run ever showed.
 *
 * <p>Each fork's error bar is the confidence interval of its measured iterations at JMH's own
 * level (99.9 %, Student's t). Forks disagree when the intervals of some pair do not overlap.
 * A fork with a single iteration has no interval; then forks disagree when the largest fork
 * mean is more than {@link #SINGLE_ITERATION_RATIO} times the smallest.
 */
public final class ForkAgreement {
    static final double CONFIDENCE = 0.999;
    static final double SINGLE_ITERATION_RATIO = 2.0;

    private ForkAgreement() {}

    /** A fork's mean and the half-width of its confidence interval (NaN with one iteration). */
    public record Interval(double mean, double halfWidth) {
        boolean overlaps(Interval other) {
            return Math.abs(mean - other.mean) <= halfWidth + other.halfWidth;
        }
    }

    public static Interval interval(List<Double> iterations) {
        int n = iterations.size();
        double mean = iterations.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n < 2) {
            return new Interval(mean, Double.NaN);
        }
        double squares = iterations.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double standardError = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return new Interval(mean, t * standardError);
    }

    public static boolean disagree(List<List<Double>> forkIterations) {
        if (forkIterations.size() < 2) {
            return false;
        }
        List<Interval> forks = forkIterations.stream().map(ForkAgreement::interval).toList();
        if (forks.stream().anyMatch(f -> Double.isNaN(f.halfWidth()))) {
            double min = forks.stream().mapToDouble(Interval::mean).min().orElseThrow();
            double max = forks.stream().mapToDouble(Interval::mean).max().orElseThrow();
            return min <= 0 ? max > 0 : max / min > SINGLE_ITERATION_RATIO;
        }
        for (int i = 0; i < forks.size(); i++) {
            for (int j = i + 1; j < forks.size(); j++) {
                if (!forks.get(i).overlaps(forks.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }
}
