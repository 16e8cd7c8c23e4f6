package io.github.schemachurn.report;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One row of a JMH results file: a benchmark (group) at one combination of parameters.
 *
 * @param source         the results file, as named on the command line
 * @param benchmarkClass simple name of the benchmark class, e.g. ChurnBenchmark
 * @param method         the method or group name, e.g. churn
 * @param mode           JMH's mode: thrpt, sample, avgt, ss
 * @param roles          per-role metrics: reader, churner, writer in a group; the method itself otherwise
 * @param counters       per-fork outcome counters by prefix: "op" (reader or writer), "ddl" (churner)
 */
public record BenchmarkRow(String source, Question question, String benchmarkClass, String method, String mode,
                           SortedMap<String, String> params, RunSettings settings, SortedMap<String, Metric> roles,
                           SortedMap<String, List<Counters>> counters) {

    public static final String OPERATIONS = "op";
    public static final String DDL = "ddl";

    public BenchmarkRow {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        roles = Collections.unmodifiableSortedMap(new TreeMap<>(roles));
        TreeMap<String, List<Counters>> copy = new TreeMap<>();
        counters.forEach((prefix, forks) -> copy.put(prefix, List.copyOf(forks)));
        counters = Collections.unmodifiableSortedMap(copy);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("no measured metric");
        }
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    public Optional<Metric> role(String name) {
        return Optional.ofNullable(roles.get(name));
    }

    /** Totals over all forks of the counters with this prefix, if the row has them. */
    public Optional<Counters> total(String prefix) {
        return Optional.ofNullable(counters.get(prefix)).map(Counters::sum);
    }

    public List<Counters> forks(String prefix) {
        return counters.getOrDefault(prefix, List.of());
    }

    public boolean sampled() {
        return mode.equals("sample");
    }

    public String name() {
        return benchmarkClass + "." + method;
    }

    /** Number of measured forks (the counters and metrics agree on it). */
    public int forkCount() {
        return roles.values().iterator().next().forkIterations().size();
    }
}
