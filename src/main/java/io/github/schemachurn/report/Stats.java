package io.github.schemachurn.report;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** The report's statistics, each one small and tested: error bars, the winner test, fork disagreement, a line fit. */
final class Stats {
    /** Significance level of the winner test and confidence of the error bars (95 %). */
    static final double ALPHA = 0.05;
    /** Forks disagree when the largest fork value is more than this many times the smallest. */
    static final double FORK_RATIO = 2.0;

    private Stats() {}

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Half-width of the 95 % confidence interval of the mean (Student's t); NaN with fewer than two values. */
    static double halfWidth(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        SummaryStatistics s = new SummaryStatistics();
        values.forEach(s::addValue);
        double t = new TDistribution(values.size() - 1).inverseCumulativeProbability(1 - ALPHA / 2);
        return t * s.getStandardDeviation() / Math.sqrt(values.size());
    }

    /**
     * The 95 % interval of a share of attempts over forks, as {@code {low, high}} within 0-1: Student's
     * t over the forks' empirical logits, ln((hits + ½) / (misses + ½)), mapped back. The logit keeps
     * the interval inside 0-100 % and lets it be lopsided near either end; the ½ keeps a fork with no
     * hit (or no miss) finite. NaNs with fewer than two forks: iterations of one fork are no replicates.
     */
    static double[] shareInterval(List<long[]> forkCounts) {
        if (forkCounts.size() < 2) {
            return new double[] {Double.NaN, Double.NaN};
        }
        List<Double> logits = forkCounts.stream().map(c -> Math.log((c[0] + 0.5) / (c[1] - c[0] + 0.5))).toList();
        double centre = mean(logits);
        double half = halfWidth(logits);
        return new double[] {expit(centre - half), expit(centre + half)};
    }

    private static double expit(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /**
     * Welch's two-sided t-test on per-fork values: the probability of a difference this large if the
     * two had the same mean. NaN (never significant) with fewer than two forks on either side.
     * Two sets without spread differ exactly when their means differ.
     */
    static double welchP(List<Double> a, List<Double> b) {
        if (a.size() < 2 || b.size() < 2) {
            return Double.NaN;
        }
        double[] x = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = b.stream().mapToDouble(Double::doubleValue).toArray();
        if (variance(x) == 0 && variance(y) == 0) {
            return mean(a) == mean(b) ? 1.0 : 0.0;
        }
        return new TTest().tTest(x, y);
    }

    static boolean significant(List<Double> a, List<Double> b) {
        double p = welchP(a, b);
        return !Double.isNaN(p) && p < ALPHA;
    }

    private static double variance(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        return s.getVariance();
    }

    /**
     * Do the forks of one configuration disagree? On 2 cores a fork lands in one CPU regime or the
     * other and the rates differ several-fold; JMH's own error bars do not show it. A ratio of the
     * largest to the smallest fork value above {@link #FORK_RATIO} (or zero beside non-zero) fires.
     */
    static boolean forksDisagree(List<Double> forkValues) {
        if (forkValues.size() < 2) {
            return false;
        }
        double min = forkValues.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = forkValues.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return min <= 0 ? max > 0 : max / min > FORK_RATIO;
    }

    /** A least-squares line y = intercept + slope x. */
    record Line(double intercept, double slope, double slopeError, double rSquare, int points) {
        double at(double x) {
            return intercept + slope * x;
        }
    }

    static Line fit(List<double[]> points) {
        if (points.size() < 2) {
            throw new IllegalArgumentException("a line needs at least two points, got " + points.size());
        }
        SimpleRegression regression = new SimpleRegression();
        points.forEach(p -> regression.addData(p[0], p[1]));
        return new Line(regression.getIntercept(), regression.getSlope(), regression.getSlopeStdErr(),
                regression.getRSquare(), points.size());
    }
}
