package io.github.schemachurn.report;

import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Median;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
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

    /**
     * The mean with the largest value left out (NaN for fewer than two): a lead over the noise floor
     * that holds only thanks to its best round is not taken as one. Leads near the floor turned on
     * one round and changed between published runs and their replicates.
     */
    static double meanWithoutLargest(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        List<Double> rest = new java.util.ArrayList<>(values);
        rest.remove(java.util.Collections.max(rest));
        return mean(rest);
    }

    /** The median (the mean of the middle two for an even count); NaN for none. */
    static double median(List<Double> values) {
        return new Median().evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
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
        List<Double> logits = forkCounts.stream().map(c -> empiricalLogit(c[0], c[1])).toList();
        double centre = mean(logits);
        double half = halfWidth(logits);
        return new double[] {expit(centre - half), expit(centre + half)};
    }

    /** ln((hits + ½) / (misses + ½)): a share of attempts on the scale its interval and the failure test use; finite at 0 and 1. */
    static double empiricalLogit(long hits, long attempts) {
        return Math.log((hits + 0.5) / (attempts - hits + 0.5));
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

    /** From this many rounds on the paired test is Wilcoxon's signed-rank test; below it, its smallest two-sided p (2 / 2^n) cannot reach {@link #ALPHA}. */
    static final int WILCOXON_ROUNDS = 6;

    /**
     * The paired test on per-round differences (e.g. log ratios of two options measured in the same
     * rounds): the probability of differences this far from zero if there were none. With
     * {@value #WILCOXON_ROUNDS} or more rounds Wilcoxon's signed-rank test (exact up to 30 rounds),
     * which assumes no normal distribution; with fewer, the paired t-test (Wilcoxon could never be
     * significant there). NaN (never significant) with fewer than two rounds; differences without
     * spread are significant exactly when they are not zero.
     */
    static double pairedP(List<Double> differences) {
        if (differences.size() < 2) {
            return Double.NaN;
        }
        double[] d = differences.stream().mapToDouble(Double::doubleValue).toArray();
        if (variance(d) == 0) {
            return d[0] == 0 ? 1.0 : 0.0;
        }
        if (d.length >= WILCOXON_ROUNDS) {
            return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(d, new double[d.length], d.length <= 30);
        }
        return new TTest().tTest(0.0, d);
    }

    static String pairedTestName(int rounds) {
        return rounds >= WILCOXON_ROUNDS ? "Wilcoxon signed-rank test" : "paired t-test";
    }

    /** Root mean square: the spread of values whose expected value is zero (e.g. an A/A control's log ratios). */
    static double rms(List<Double> values) {
        return Math.sqrt(values.stream().mapToDouble(v -> v * v).average().orElse(Double.NaN));
    }

    /** The log of a ratio of two rates, a zero rate read as a tiny one so a ratio to nothing stays a (large) number. */
    static double logRatio(double a, double b) {
        return Math.log(Math.max(a, TINY) / Math.max(b, TINY));
    }

    private static final double TINY = 1e-6;

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

    /** The ratio of two independent sets' geometric means (other / base), its 95 % interval and Welch's p on the logs. */
    record Ratio(double ratio, double low, double high, double p) {}

    static Ratio ratio(List<Double> base, List<Double> other) {
        Difference d = difference(base.stream().map(v -> Math.log(Math.max(v, TINY))).toList(),
                other.stream().map(v -> Math.log(Math.max(v, TINY))).toList());
        return new Ratio(Math.exp(d.difference()), Math.exp(d.difference() - d.halfWidth()), Math.exp(d.difference() + d.halfWidth()), d.p());
    }

    /**
     * The difference of two independent sets' means (other − base), the half-width of its 95 % interval
     * (Welch: unequal variances, Welch-Satterthwaite degrees of freedom) and Welch's p. NaN half-width
     * and p with fewer than two values on either side; sets without spread give a zero half-width.
     */
    record Difference(double difference, double halfWidth, double p) {}

    static Difference difference(List<Double> base, List<Double> other) {
        double diff = mean(other) - mean(base);
        if (base.size() < 2 || other.size() < 2) {
            return new Difference(diff, Double.NaN, Double.NaN);
        }
        double va = variance(base.stream().mapToDouble(Double::doubleValue).toArray()) / base.size();
        double vb = variance(other.stream().mapToDouble(Double::doubleValue).toArray()) / other.size();
        double se = Math.sqrt(va + vb);
        if (se == 0) {
            return new Difference(diff, 0, diff == 0 ? 1.0 : 0.0);
        }
        double df = (va + vb) * (va + vb) / (va * va / (base.size() - 1) + vb * vb / (other.size() - 1));
        double t = new TDistribution(df).inverseCumulativeProbability(1 - ALPHA / 2);
        return new Difference(diff, t * se, welchP(base, other));
    }

    /**
     * Theil-Sen: the median of the slopes between every two points of different x, and the median
     * of y - slope x as intercept. One slow point moves it little, where least squares follows it.
     */
    static Line theilSen(List<double[]> points) {
        List<Double> slopes = new java.util.ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                double dx = points.get(j)[0] - points.get(i)[0];
                if (dx != 0) {
                    slopes.add((points.get(j)[1] - points.get(i)[1]) / dx);
                }
            }
        }
        if (slopes.isEmpty()) {
            throw new IllegalArgumentException("a line needs points at two or more x values");
        }
        double slope = median(slopes);
        double intercept = median(points.stream().map(p -> p[1] - slope * p[0]).toList());
        return new Line(intercept, slope, Double.NaN, Double.NaN, points.size());
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
