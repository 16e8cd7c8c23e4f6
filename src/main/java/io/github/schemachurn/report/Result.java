package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.CounterNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One configuration of one benchmark method, as JMH's JSON reports it: recognised by its content
 * (class, method, params), never by the name of the file it came from. Results of the same
 * configuration from several files are pooled as more forks ({@link #pool}).
 *
 * @param benchmarkClass simple name of the benchmark class, e.g. ChurnBenchmark
 * @param method         the {@code @Benchmark} method (the group name for a group benchmark)
 * @param mode           JMH's mode: thrpt, avgt, sample, ss
 * @param params         the {@code @Param} values, and the threads per role as {@code threads}
 * @param measurementSeconds the nominal measurement time of one iteration
 * @param metrics        per-method timing metrics: the primary one under {@link #method}, each group method under its name
 * @param counters       {@code @AuxCounters} values by name: per fork, per measured iteration
 * @param rounds         per fork, the round it ran in ({@link Round#NONE} for a plain JMH result)
 */
public record Result(String benchmarkClass, String method, String mode, SortedMap<String, String> params,
              double measurementSeconds, String jmhVersion, String jdkVersion, String vmName,
              SortedMap<String, Metric> metrics, SortedMap<String, List<List<Double>>> counters, List<Round> rounds) {

    /**
     * Where a fork ran in an interleaved run ({@code cli/Rounds}): its study, round and position
     * in the round; {@code twin} marks the A/A control's second run. Forks of one round met the same
     * minutes of the machine, so they are compared with each other.
     */
    record Round(String study, int round, int slot, boolean twin) {
        static final Round NONE = new Round("", 0, 0, false);

        boolean paired() {
            return round > 0;
        }

        /** What identifies the round across configurations: study and number. */
        String key() {
            return study + "#" + round;
        }
    }

    /** A plain JMH result: no fork ran in a round. */
    Result(String benchmarkClass, String method, String mode, SortedMap<String, String> params,
           double measurementSeconds, String jmhVersion, String jdkVersion, String vmName,
           SortedMap<String, Metric> metrics, SortedMap<String, List<List<Double>>> counters) {
        this(benchmarkClass, method, mode, params, measurementSeconds, jmhVersion, jdkVersion, vmName, metrics, counters,
                java.util.Collections.nCopies(metrics.isEmpty() ? 0 : metrics.values().iterator().next().forks().size(), Round.NONE));
    }

    /** A timing metric: unit, per fork per iteration values (a sample-mode iteration's mean), JMH's percentiles over all forks. */
    public record Metric(String unit, List<List<Double>> forks, SortedMap<String, Double> percentiles) {
        public Metric {
            if (forks.isEmpty() || forks.stream().anyMatch(List::isEmpty)) {
                throw new IllegalArgumentException("a metric without measured iterations");
            }
            forks = forks.stream().map(List::copyOf).toList();
            percentiles = new TreeMap<>(percentiles);
        }
    }

    public Result {
        if (benchmarkClass.isBlank() || method.isBlank()) {
            throw new IllegalArgumentException("a result without benchmark name");
        }
        if (!(measurementSeconds > 0)) {
            throw new IllegalArgumentException("measurement time must be positive, got " + measurementSeconds);
        }
        params = new TreeMap<>(params);
        metrics = new TreeMap<>(metrics);
        SortedMap<String, List<List<Double>>> copy = new TreeMap<>();
        counters.forEach((name, forks) -> copy.put(name, forks.stream().map(List::copyOf).toList()));
        counters = copy;
        rounds = List.copyOf(rounds);
        if (!metrics.isEmpty() && rounds.size() != metrics.values().iterator().next().forks().size()) {
            throw new IllegalArgumentException(rounds.size() + " rounds for " + metrics.values().iterator().next().forks().size() + " forks");
        }
    }

    /** The same result with every fork marked as run in this round (a result of one fork per round, as cli/Rounds writes them). */
    Result inRound(Round round) {
        return new Result(benchmarkClass, method, mode, params, measurementSeconds, jmhVersion, jdkVersion, vmName, metrics, counters,
                java.util.Collections.nCopies(rounds.size(), round));
    }

    String benchmark() {
        return benchmarkClass + "." + method;
    }

    /** What identifies the configuration: benchmark and params (thread count included). */
    String key() {
        return benchmark() + params;
    }

    /** Configurations by {@link #key}, in their order: how a configuration is found again in another run or round. */
    static Map<String, Result> byKey(List<Result> configs) {
        Map<String, Result> byKey = new LinkedHashMap<>();
        configs.forEach(c -> byKey.put(c.key(), c));
        return byKey;
    }

    /** The measured operation ({@code op}), if the result counts it. */
    public Optional<Role> op() {
        return Role.of(this, CounterNames.OPERATION);
    }

    /** The schema changer ({@code ddl}), if the result counts it. */
    public Optional<Role> ddl() {
        return Role.of(this, CounterNames.DDL);
    }

    /** Whether the operation ran while the schema changed: both roles counted. */
    boolean churn() {
        return op().isPresent() && ddl().isPresent();
    }

    public String param(String name) {
        return params.get(name);
    }

    /** Counters that are not part of a role (e.g. crash and audit totals), by name. */
    List<String> otherCounters() {
        List<String> roleNames = new ArrayList<>(CounterNames.all(CounterNames.OPERATION));
        roleNames.addAll(CounterNames.all(CounterNames.DDL));
        return counters.keySet().stream().filter(n -> !roleNames.contains(n)).toList();
    }

    /**
     * The counted/JMH ops ratios of each role, per iteration. The suite's convention names the
     * pairing: a group method whose name starts with {@value Run#CHURNER_METHOD} is the
     * schema changer ({@code ddl}), every other method the measured operation ({@code op}). A role
     * counted outside JMH's threads (a paced or other-process churner) has no JMH ops to compare.
     * Only throughput results have JMH ops.
     */
    Map<String, List<Double>> identity() {
        if (!throughput()) {
            return Map.of();
        }
        Map<String, Metric> methods = new TreeMap<>(metrics);
        if (methods.size() > 1) {
            methods.remove(method); // the group's primary metric sums its methods
        }
        Optional<Role> op = op();
        Optional<Role> ddl = ddl();
        Map<String, List<Double>> ratios = new TreeMap<>();
        methods.forEach((name, metric) -> (name.startsWith(Run.CHURNER_METHOD) ? ddl : op).ifPresent(role -> {
            List<Double> perIteration = role.identityRatios(metric);
            if (!perIteration.isEmpty()) {
                ratios.merge(role.prefix(), perIteration, (a, b) -> {
                    List<Double> both = new ArrayList<>(a);
                    both.addAll(b);
                    return both;
                });
            }
        }));
        return ratios;
    }

    boolean throughput() {
        return mode.equals("thrpt");
    }

    /** The values of the given params, "name=value" joined, in the order given. */
    String label(List<String> names) {
        return names.stream().map(n -> n + "=" + params.getOrDefault(n, "–")).collect(Collectors.joining(" "));
    }

    /** The same configuration measured again (another file): its forks appended to these. */
    Result pool(Result other) {
        if (!key().equals(other.key())) {
            throw new IllegalArgumentException("cannot pool " + key() + " with " + other.key());
        }
        SortedMap<String, Metric> pooledMetrics = new TreeMap<>();
        metrics.forEach((name, m) -> {
            Metric o = other.metrics.get(name);
            if (o != null) {
                pooledMetrics.put(name, new Metric(m.unit(), concat(m.forks(), o.forks()), m.percentiles()));
            }
        });
        SortedMap<String, List<List<Double>>> pooledCounters = new TreeMap<>();
        counters.forEach((name, forks) -> {
            if (other.counters.containsKey(name)) {
                pooledCounters.put(name, concat(forks, other.counters.get(name)));
            }
        });
        List<Round> pooledRounds = new ArrayList<>(rounds);
        pooledRounds.addAll(other.rounds);
        return new Result(benchmarkClass, method, mode, params, measurementSeconds, jmhVersion, jdkVersion, vmName,
                pooledMetrics, pooledCounters, pooledRounds);
    }

    private static List<List<Double>> concat(List<List<Double>> a, List<List<Double>> b) {
        List<List<Double>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** Every counter total over forks and iterations (the JMH score of an EVENTS counter, summed over forks). */
    double total(String counter) {
        return counters.getOrDefault(counter, List.of()).stream().flatMap(List::stream).mapToDouble(Double::doubleValue).sum();
    }

    /** The params whose value differs between the given results, in name order. */
    static List<String> varied(List<Result> results) {
        Map<String, java.util.Set<String>> values = new TreeMap<>();
        for (Result r : results) {
            r.params().forEach((k, v) -> values.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(v));
        }
        for (Result r : results) {
            values.keySet().stream().filter(k -> !r.params().containsKey(k)).forEach(k -> values.get(k).add(null));
        }
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }
}
