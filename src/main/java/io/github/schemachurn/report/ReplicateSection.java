package io.github.schemachurn.report;

import java.util.List;
import java.util.Optional;

/**
 * Does the answer survive a second run? When a replicate (a second, independent run of the studies
 * behind the answer, {@code results/run.sh replicate}) sits beside the results, its verdicts and key
 * figures against this run's; otherwise a note that there is none yet.
 */
final class ReplicateSection {
    private ReplicateSection() {}

    static void render(Run run, Optional<Run> replicate, Md md) {
        md.section("Replicate", s -> {
            if (replicate.isEmpty()) {
                s.para("No replicate yet: `results/run.sh replicate` runs the studies behind the answer again into `"
                        + "results/" + JmhJson.REPLICATE_DIR + "/` (on another day, or at least after other work on the machine); "
                        + "this section then compares the two runs.");
                return;
            }
            Run second = replicate.get();
            List<RunComparison.Verdict> verdicts = RunComparison.verdicts(run, second);
            String when = second.environment.map(e -> " (" + e.date() + ", " + (e.duration().isEmpty() ? "duration not recorded" : e.duration())
                    + ", `" + e.command() + "`" + Optional.ofNullable(e.extras().get(Environment.COMMIT)).map(c -> ", commit " + c).orElse("") + ")").orElse("");
            List<String> changed = verdicts.stream().filter(v -> v.changed() || v.avoidChanged())
                    .map(v -> v.workload() + ": " + v.change()).toList();
            s.para("A second, independent run of the studies behind the answer" + when + " against this one: "
                    + RunComparison.verdictLine(verdicts) + " (a verdict is a row's recommended option, or none), "
                    + RunComparison.avoidLine(verdicts) + (changed.isEmpty() ? "." : ": " + String.join("; ", changed) + ".")
                    + " Every configuration, run against run: `java -cp target/benchmarks.jar io.github.schemachurn.cli.Report "
                    + "compare --base results --results results/" + JmhJson.REPLICATE_DIR + "`.");
            s.para(RunComparison.FIGURES_NOTE);
            RunComparison.machineLine(run, second).ifPresent(s::para);
            s.table(RunComparison.figures(run, second, "this run", "replicate"));
        });
    }
}
