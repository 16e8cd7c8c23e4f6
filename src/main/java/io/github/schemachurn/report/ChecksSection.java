package io.github.schemachurn.report;

import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;

/**
 * Can the numbers be trusted? Counted attempts against JMH's ops per iteration, iterations whose
 * measured window was short, configurations whose forks disagree, the largest headline error and
 * the CPU regime signal.
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
            double worstError = 0;
            String worstAt = "";
            for (var entry : StudiesSection.byClass(run.configs).entrySet()) {
                List<String> labels = StudiesSection.labels(entry.getValue());
                for (int i = 0; i < entry.getValue().size(); i++) {
                    Result c = entry.getValue().get(i);
                    c.identity().values().forEach(ratios::addAll);
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
            if (ratios.isEmpty()) {
                items.add("Counted attempts against JMH's ops: no throughput results to check.");
            } else {
                long off = ratios.stream().filter(r -> Math.abs(r - 1) > 0.05).count();
                items.add("Counted attempts against JMH's ops, per iteration (each thread's counted attempts over its measured "
                        + "window, summed over the role's threads, over JMH's rate for the role's method): " + range(ratios)
                        + " over " + ratios.size() + " iterations; " + off + " outside 1 ± 5 %.");
            }
            items.add("Iterations whose mean measured window was under half the nominal iteration time: " + shortWindows
                    + " of " + iterations + " (their counts are kept; rates use the measured time).");
            items.add(flagged.isEmpty() ? "No configuration's forks disagree (largest/smallest fork rate ≤ " + Fmt.num(Stats.FORK_RATIO) + ")."
                    : flagged.size() + " configuration(s) whose forks disagree (largest/smallest fork rate > " + Fmt.num(Stats.FORK_RATIO)
                    + "), shown as fork ranges and never a winner: " + String.join("; ", flagged) + ".");
            items.add(run.noise().checkItem());
            if (!worstAt.isEmpty()) {
                items.add("Largest error among the other headline rates: " + Fmt.pct(100 * worstError) + " of the value (" + worstAt + ").");
            }
            s.bullets(items);
        });
    }

    /** "smallest to largest" of non-empty values. */
    private static String range(List<Double> values) {
        DoubleSummaryStatistics stats = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        return Fmt.num(stats.getMin()) + " to " + Fmt.num(stats.getMax());
    }
}
