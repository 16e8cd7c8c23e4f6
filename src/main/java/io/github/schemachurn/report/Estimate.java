package io.github.schemachurn.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure the report shows: JMH's score (or a rate derived from it), its error, the value per
 * fork, and whether the forks disagree beyond their error bars (then the report shows the range
 * of the forks instead of one number).
 */
public record Estimate(double value, double error, List<Double> forks, boolean forksDisagree) {

    public Estimate {
        forks = List.copyOf(forks);
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("an estimate needs at least one fork");
        }
    }

    public static Estimate of(Metric metric) {
        return new Estimate(metric.score(), metric.scoreError(), metric.forkMeans(), metric.forksDisagree());
    }

    /** This figure times a share: overall by {@code factor}, fork i by {@code forkFactors.get(i)}. */
    public Estimate scaled(double factor, List<Double> forkFactors) {
        if (forkFactors.size() != forks.size()) {
            throw new IllegalArgumentException(forks.size() + " forks but " + forkFactors.size() + " fork factors");
        }
        List<Double> scaled = new ArrayList<>();
        for (int i = 0; i < forks.size(); i++) {
            scaled.add(forks.get(i) * forkFactors.get(i));
        }
        return new Estimate(value * factor, error * factor, scaled, forksDisagree);
    }

    public double min() {
        return forks.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    public double max() {
        return forks.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** Whether the two are indistinguishable within their JMH error bars (never, without error bars). */
    public boolean tiesWith(Estimate other) {
        if (Double.isNaN(error) || Double.isNaN(other.error)) {
            return value == other.value;
        }
        return Math.abs(value - other.value) <= error + other.error;
    }

    /** Whether the error is within {@code fraction} of the value (e.g. 0.10 for 10 %). */
    public boolean errorWithin(double fraction) {
        return !Double.isNaN(error) && Math.abs(error) <= fraction * Math.abs(value);
    }
}
