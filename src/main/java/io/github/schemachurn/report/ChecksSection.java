package io.github.schemachurn.report;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Can the numbers be trusted? The counting window (counted attempts against JMH's ops per
 * iteration), iterations whose measured window was short, configurations whose forks disagree, the
 * largest headline error. Each check says what it covers and what it does not.
 */
final class ChecksSection {
    private ChecksSection() {}

    static void render(Run run, Md md) {
        md.section("Measurement checks", s -> {
            List<String> items = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            long iterations = 0;
            long shortWindows = 0;
            List<String> flagged = new ArrayList<>();
            java.util.Set<String> sampled = new java.util.TreeSet<>();
            java.util.Set<String> background = new java.util.TreeSet<>();
            double worstError = 0;
            String worstAt = "";
            for (var entry : StudiesSection.byClass(run.configs).entrySet()) {
                List<String> labels = StudiesSection.labels(entry.getValue());
                for (int i = 0; i < entry.getValue().size(); i++) {
                    Result c = entry.getValue().get(i);
                    Map<String, List<Double>> identity = c.identity();
                    identity.values().forEach(ratios::addAll);
                    if (!c.throughput()) {
                        sampled.add(entry.getKey());
                    } else {
                        List.of(c.op(), c.ddl()).stream().flatMap(java.util.Optional::stream)
                                .filter(r -> !identity.containsKey(r.prefix())).forEach(r -> background.add(entry.getKey() + " " + r.prefix()));
                    }
                    for (Role r : List.of(c.op(), c.ddl()).stream().flatMap(java.util.Optional::stream).toList()) {
                        iterations += r.iterations();
                        shortWindows += r.shortWindows(c.measurementSeconds());
                    }
                    if (c.op().isPresent()) {
                        Estimate rate = c.op().get().rate();
                        String at = entry.getKey() + " " + labels.get(i);
                        if (rate.forksDisagree()) {
                            flagged.add(at + " (forks " + Fmt.forks(rate.forks()) + ")");
                        } else if (rate.relativeError() > worstError) {
                            worstError = rate.relativeError();
                            worstAt = at;
                        }
                    }
                }
            }
            String window = "The counting window, counted attempts against JMH's ops per iteration (a role's attempt rate, each "
                    + "thread's counted attempts over its own measured window summed over the role's threads, over JMH's "
                    + "throughput for the role's method)";
            if (ratios.isEmpty()) {
                items.add(window + ": no throughput results to check.");
            } else {
                long off = ratios.stream().filter(r -> Math.abs(r - 1) > 0.05).count();
                items.add(window + ": " + range(ratios) + " over " + ratios.size() + " iterations; " + off + " outside 1 ± 5 %. "
                        + "Both rates are built on one call count, so this checks that counting starts and stops with JMH's "
                        + "measurement, not the outcome counts; those are checked as the results are read: in every iteration "
                        + "attempts equal successes plus failures by class, or the report refuses the results.");
            }
            if (!sampled.isEmpty() || !background.isEmpty()) {
                items.add("Not covered by the counting-window check: "
                        + (sampled.isEmpty() ? "" : "SampleTime classes, which have no ops rate to compare (" + String.join(", ", sampled) + ")")
                        + (sampled.isEmpty() || background.isEmpty() ? "" : "; ")
                        + (background.isEmpty() ? "" : "roles outside JMH's threads (a paced, background or other-process role, "
                                + "counted over a reader's window: " + String.join(", ", background) + ")")
                        + ".");
            }
            items.add("Iterations whose mean measured window was under half the nominal iteration time: " + shortWindows
                    + " of " + iterations + " (their counts are kept; rates use the measured time).");
            items.add(flagged.isEmpty() ? "No configuration's forks disagree (largest/smallest fork rate ≤ " + Fmt.num(Stats.FORK_RATIO) + ")."
                    : flagged.size() + " configuration(s) whose forks disagree (largest/smallest fork rate > " + Fmt.num(Stats.FORK_RATIO)
                    + "), shown as fork ranges and never a winner: " + String.join("; ", flagged) + ".");
            items.add(run.noise().checkItem());
            harnessCost(run).ifPresent(items::add);
            if (!worstAt.isEmpty()) {
                items.add("Largest error among the other headline rates: " + Fmt.pct(100 * worstError) + " of the value (" + worstAt + ").");
            }
            s.bullets(items);
        });
    }

    /**
     * The suite's own cost on the hot path: the ceiling study's read through the churn benchmarks'
     * reader session (reader strategy, retrier, counting) over the same read in plain JDBC, per
     * round, so both met the same minutes of the machine, and read against the run's noise floor:
     * the layer costs nanoseconds on a read of microseconds, far less than one round's noise, so a
     * ratio inside the floor says nothing of the cost. Empty without both in two or more rounds.
     */
    static Optional<String> harnessCost(Run run) {
        List<String> parts = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        Map<String, Result> bare = new TreeMap<>();
        Map<String, Result> layered = new TreeMap<>();
        for (Result c : run.configs) {
            String journal = String.valueOf(c.param(Run.JOURNAL));
            if (c.method().equals(Run.BARE_CACHED_METHOD)) {
                bare.put(journal, c);
            } else if (c.method().equals(Run.LAYERED_CACHED_METHOD)) {
                layered.put(journal, c);
            }
        }
        bare.forEach((journal, b) -> {
            if (!layered.containsKey(journal)) {
                return;
            }
            Map<String, Double> bareRounds = NoiseFloor.byRound(b);
            Map<String, Double> layeredRounds = NoiseFloor.byRound(layered.get(journal));
            List<Double> logRatios = bareRounds.keySet().stream().filter(layeredRounds::containsKey)
                    .map(r -> Stats.logRatio(layeredRounds.get(r), bareRounds.get(r))).toList();
            if (logRatios.size() >= 2) {
                all.addAll(logRatios);
                parts.add(journal + " " + Fmt.forks(logRatios.stream().map(Math::exp).toList())
                        + " (geometric mean " + Fmt.num(Math.exp(Stats.mean(logRatios))) + ")");
            }
        });
        return parts.isEmpty() ? Optional.empty() : Optional.of("The harness's own cost: reads per second through the churn "
                + "benchmarks' reader session (reader strategy, retrier, counting) over the same cached point query in plain "
                + "JDBC (CeilingBenchmark " + Run.LAYERED_CACHED_METHOD + " / " + Run.BARE_CACHED_METHOD + ", per round): "
                + String.join("; ", parts) + ". 1 is free; the cost is per operation, so the fastest reads here carry it in full and slower operations less."
                + againstNoise(all, run.noise()) + " What the layer itself adds to a read, in nanoseconds with SQLite taken out, is HarnessCostBenchmark's"
                + " question; results/overhead.sh measures it beside this ratio and an A/A control.");
    }

    /** How many per-round ratios lie beyond the run's noise floor, if it has one. */
    private static String againstNoise(List<Double> logRatios, NoiseFloor noise) {
        if (!noise.available()) {
            return "";
        }
        long beyond = logRatios.stream().filter(r -> Math.abs(r) > noise.log()).count();
        return " Rounds whose ratio lies beyond the run's noise floor, " + noise.text() + ": " + beyond + " of " + logRatios.size() + ".";
    }

    /** "smallest to largest" of non-empty values. */
    private static String range(List<Double> values) {
        DoubleSummaryStatistics stats = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        return Fmt.num(stats.getMin()) + " to " + Fmt.num(stats.getMax());
    }
}
