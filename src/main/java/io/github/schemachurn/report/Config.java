package io.github.schemachurn.report;

import io.github.schemachurn.sqlite.CounterNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * The counted/JMH ops ratios of each role, per iteration. JMH names a group's methods, not which
     * counters belong to which, so each role is paired with the method whose ops are nearest its
     * counted attempts (the operation first); a one-method benchmark pairs its method with the
     * operation. Only throughput results have JMH ops to compare.
     */
    Map<String, List<Double>> identity() {
        if (!result.throughput()) {
            return Map.of();
        }
        Map<String, Result.Metric> candidates = new java.util.TreeMap<>(result.metrics());
        if (candidates.size() > 1) {
            candidates.remove(result.method()); // the group's primary metric sums its methods
        }
        Map<String, List<Double>> ratios = new java.util.TreeMap<>();
        for (Role role : List.of(op, ddl).stream().flatMap(Optional::stream).toList()) {
            candidates.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), role.identityRatios(e.getValue())))
                    .filter(e -> !e.getValue().isEmpty())
                    .min(Comparator.comparingDouble(e -> Math.abs(Math.log(Stats.mean(e.getValue())))))
                    .ifPresent(best -> {
                        ratios.put(role.prefix(), best.getValue());
                        candidates.remove(best.getKey());
                    });
            if (candidates.isEmpty()) {
                break;
            }
        }
        return ratios;
    }
}
