package io.github.schemachurn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Counted attempts equal JMH's measured ops in every iteration, run after run. The
 * configuration is chosen to make counts leak if they could: in DELETE mode with EXCLUSIVE DDL
 * and a 20 ms busy timeout, a reader blocks across iteration boundaries, so JMH's warmup-wait
 * and warmdown-wait loops call the benchmark methods too (the test checks that they did). This
 * checks behaviour, not speed: no timing is asserted.
 */
class MeasuredWindowTest {
    @TempDir
    Path tmp;

    private List<RunResult> runOnce() throws RunnerException {
        System.setProperty(Database.TMPDIR_PROPERTY, tmp.toString());
        try {
            return new ArrayList<>(new Runner(new OptionsBuilder()
                    .include("io\\.github\\.schemachurn\\.bench\\.ChurnBenchmark\\.churn")
                    .forks(0)
                    .warmupIterations(1)
                    .warmupTime(TimeValue.milliseconds(100))
                    .measurementIterations(4)
                    .measurementTime(TimeValue.milliseconds(150))
                    .param("journal", "DELETE")
                    .param("ddl", "EXCLUSIVE")
                    .param("busyTimeout", "20")
                    .param("rows", "500")
                    .param("cpus", "ANY")
                    .shouldFailOnError(true)
                    .verbosity(VerboseMode.SILENT)
                    .build()).run());
        } finally {
            System.clearProperty(Database.TMPDIR_PROPERTY);
        }
    }

    @Test
    void countedAttemptsEqualJmhOpsInEveryIterationOfTwoRuns() throws RunnerException {
        long unmeasuredCalls = 0;
        int iterations = 0;
        for (int run = 1; run <= 2; run++) {
            for (RunResult result : runOnce()) {
                for (BenchmarkResult benchmark : result.getBenchmarkResults()) {
                    for (IterationResult iteration : benchmark.getIterationResults()) {
                        Map<String, Result> counters = iteration.getSecondaryResults();
                        long counted = Math.round(counters.get(CounterNames.OPERATION + CounterNames.ATTEMPTS).getScore())
                                + Math.round(counters.get(CounterNames.DDL + CounterNames.ATTEMPTS).getScore());
                        // Exact up to one call per other thread of the group, a limit of JMH itself: the
                        // generated stub sets the Control flags, which all threads share, right after a
                        // thread's own warmup-wait loop and measured loop. So the other thread's last
                        // warmup-wait call can start after startMeasurement (counted, not in ops; seen
                        // once: 163 counted, 162 ops), and its last measured call after stopMeasurement
                        // (in ops, not counted). Removing the gate counts dozens more.
                        long ops = iteration.getMetadata().getMeasuredOps();
                        assertThat(counted).as("run %d iteration %d", run, iterations).isBetween(ops - 1, ops + 1);
                        assertThat(Math.round(counters.get(CounterNames.OPERATION + CounterNames.THREADS).getScore())).isEqualTo(1);
                        assertThat(Math.round(counters.get(CounterNames.DDL + CounterNames.THREADS).getScore())).isEqualTo(1);
                        unmeasuredCalls += iteration.getMetadata().getAllOps() - iteration.getMetadata().getMeasuredOps();
                        iterations++;
                    }
                }
            }
        }
        assertThat(iterations).isEqualTo(8);
        assertThat(unmeasuredCalls).as("calls JMH made outside its measurement, which must not be counted").isPositive();
        assertThat(tmp).isEmptyDirectory();
    }
}
