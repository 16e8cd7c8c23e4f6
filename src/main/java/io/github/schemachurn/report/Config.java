package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.CounterNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A result with its two roles read: the measured operation ({@code op}) and the schema changer ({@code ddl}), either may be absent. */
record Config(Result result, Optional<Role> op, Optional<Role> ddl) {

    static Config of(Result result) {
        return new Config(result, Role.of(result, CounterNames.OPERATION), Role.of(result, CounterNames.DDL));
    }

    /** Whether the operation ran while the schema changed: both roles counted. */
    boolean churn() {
        return op.isPresent() && ddl.isPresent();
    }

    String param(String name) {
        return result.params().get(name);
    }

    /** Counters that are not part of a role (e.g. crash and audit totals), by name. */
    List<String> otherCounters() {
        List<String> roleNames = new ArrayList<>(CounterNames.all(CounterNames.OPERATION));
        roleNames.addAll(CounterNames.all(CounterNames.DDL));
        return result.counters().keySet().stream().filter(n -> !roleNames.contains(n)).toList();
    }

    /**
     * The counted/JMH ops ratios of each role, per iteration. The suite's convention names the
     * pairing: a group method whose name starts with {@value #CHURNER_METHOD} is the schema
     * changer ({@code ddl}), every other method the measured operation ({@code op}). A role
     * counted outside JMH's threads (a paced or other-process churner) has no JMH ops to compare.
     * Only throughput results have JMH ops.
     */
    Map<String, List<Double>> identity() {
        if (!result.throughput()) {
            return Map.of();
        }
        Map<String, Result.Metric> methods = new TreeMap<>(result.metrics());
        if (methods.size() > 1) {
            methods.remove(result.method()); // the group's primary metric sums its methods
        }
        Map<String, List<Double>> ratios = new TreeMap<>();
        methods.forEach((method, metric) -> (method.startsWith(CHURNER_METHOD) ? ddl : op).ifPresent(role -> {
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

    static final String CHURNER_METHOD = "churner";
}
