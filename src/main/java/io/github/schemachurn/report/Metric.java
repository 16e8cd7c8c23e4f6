package io.github.schemachurn.report;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One measured quantity of a benchmark row as JMH reported it: the role's throughput (ops/s) or
 * sample time (us/op), JMH's score and error, the value of every measured iteration per fork
 * (for sample time, the iteration's mean), and percentiles where JMH sampled times.
 *
 * @param percentiles JMH's percentiles over all forks, keyed as JMH keys them ("50.0", "99.0",
 *                    "99.9"); empty in throughput mode. JMH gives a group role's percentiles only
 *                    over all forks, so per-fork spread of sampled rows is the forks' mean time.
 */
public record Metric(String unit, double score, double scoreError, List<List<Double>> forkIterations,
                     SortedMap<String, Double> percentiles) {
    /** The percentiles the report shows. */
    public static final List<String> REPORTED_PERCENTILES = List.of("50.0", "99.0", "99.9");

    public Metric {
        if (unit == null || unit.isBlank()) {
            throw new IllegalArgumentException("metric without unit");
        }
        if (forkIterations.isEmpty() || forkIterations.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("metric without measured iterations");
        }
        forkIterations = forkIterations.stream().map(List::copyOf).toList();
        percentiles = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(percentiles));
    }

    /** Mean of each fork's measured iterations. */
    public List<Double> forkMeans() {
        return forkIterations.stream()
                .map(values -> values.stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .toList();
    }

    public boolean forksDisagree() {
        return ForkAgreement.disagree(forkIterations);
    }
}
