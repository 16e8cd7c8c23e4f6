package io.github.schemachurn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.PrepareMode;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.ChildJvm;
import io.github.schemachurn.workload.ChurnerPlacement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and every strategy constant through JMH's Runner API with tiny settings, in
 * this JVM, and checks the counters exist, are never negative, and add up: attempts = successes +
 * failures. This checks that the benchmarks work, not how fast anything is.
 */
class BenchmarkSmokeTest {

    @TempDir
    static Path tmp;

    private static final List<RunResult> results = new ArrayList<>();

    private static final String ALL = "io\\.github\\.schemachurn\\.bench\\..*";
    private static final String CHURN = "io\\.github\\.schemachurn\\.bench\\.ChurnBenchmark\\..*";
    private static final String CHURN_AND_WRITES = "io\\.github\\.schemachurn\\.bench\\.(Churn|WriteChurn)Benchmark\\..*";

    private static ChainedOptionsBuilder tiny(String include) {
        return new OptionsBuilder()
                .include(include)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(150))
                .param("rows", "500")
                // In this JVM, pinning would outlive the trial on JMH's pooled threads.
                .param("cpus", "ANY")
                .shouldFailOnError(true)
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT);
    }

    /**
     * Every benchmark once, then every constant of every strategy once, one strategy varied at a
     * time: not every combination, which took minutes.
     */
    @BeforeAll
    @Timeout(300)
    static void runEveryBenchmarkAndEveryStrategy() throws RunnerException {
        // The churner JVM cache lives as long as this JVM (HygieneTest checks it goes at exit): made
        // here, before tmp is the temp root, so tmp holds only what trials leave, whichever test ran first.
        ChildJvm.fastStarting();
        System.setProperty(Database.TMPDIR_PROPERTY, tmp.toString());
        // Every benchmark, in DELETE mode (the strategies below run in WAL) with a few extra tables,
        // the churner in every placement and the legacy reader with every prepare call ...
        run(tiny(ALL)
                .param("journal", "DELETE")
                .param("ddl", "EXCLUSIVE") // one every benchmark with a ddl param accepts
                .param("extraTables", "10")
                .param("churner", names(ChurnerPlacement.class))
                .param("prepare", names(PrepareMode.class)));
        // ... every DDL strategy ...
        run(tiny(CHURN)
                .param("journal", "WAL")
                .param("ddl", names(DdlStrategy.class)));
        // ... and every reader strategy and every retry policy (of readers and of writers), where the
        // churner drops and recreates the queried table under the lock APP_READ_LOCK readers share.
        run(queriedTableChurn(CHURN).param("reader", names(ReaderStrategy.class)));
        run(queriedTableChurn(CHURN_AND_WRITES).param("retry", names(RetryPolicy.class)));
    }

    private static ChainedOptionsBuilder queriedTableChurn(String include) {
        return tiny(include)
                .param("journal", "WAL")
                .param("ddl", "APP_LOCK")
                .param("busyTimeout", "5")
                .param("change", "QUERIED_TABLE");
    }

    private static void run(ChainedOptionsBuilder options) throws RunnerException {
        results.addAll(new Runner(options.build()).run());
    }

    private static String[] names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
    }

    @AfterAll
    static void clearProperty() {
        System.clearProperty(Database.TMPDIR_PROPERTY);
    }

    @Test
    void everyBenchmarkRan() {
        assertThat(results).extracting(r -> r.getParams().getBenchmark()).contains(
                "io.github.schemachurn.bench.CeilingBenchmark.bareCached",
                "io.github.schemachurn.bench.CeilingBenchmark.layeredCached",
                "io.github.schemachurn.bench.ChurnBenchmark.churn",
                "io.github.schemachurn.bench.WriteChurnBenchmark.writes",
                "io.github.schemachurn.bench.ChurnLatencyBenchmark.churn");
    }

    @Test
    void everyStrategyConstantRan() {
        Map<String, Class<? extends Enum<?>>> strategies = Map.of("journal", JournalMode.class, "ddl", DdlStrategy.class,
                "reader", ReaderStrategy.class, "retry", RetryPolicy.class, "churner", ChurnerPlacement.class,
                "prepare", PrepareMode.class);
        strategies.forEach((param, type) -> assertThat(results).extracting(r -> r.getParams().getParam(param))
                .as(param).contains(names(type)));
    }

    @Test
    void countersExistAreNonNegativeAndAddUp() {
        int layered = 0;
        for (RunResult run : results) {
            Map<String, Result> metrics = run.getAggregatedResult().getSecondaryResults();
            String benchmark = run.getParams().getBenchmark();
            if (benchmark.contains(".layered")) {
                assertThat(count(benchmark, metrics, "opAttempts")).as(benchmark).isPositive();
                layered++;
            }
            if (benchmark.contains(".DiagnoseBenchmark.")) {
                assertThat(count(benchmark, metrics, CounterNames.WRITE + CounterNames.ATTEMPTS)).as(benchmark + ": the demo's writer").isPositive();
            }
            // Every role that counts has every counter of the contract, and they add up.
            for (String role : List.of(CounterNames.OPERATION, CounterNames.DDL, CounterNames.WRITE)) {
                if (metrics.containsKey(role + CounterNames.ATTEMPTS)) {
                    assertThat(metrics.keySet()).as(benchmark).containsAll(CounterNames.all(role));
                    assertAddsUp(benchmark, metrics, role);
                }
            }
            assertThat(metrics.keySet()).as(benchmark + ": only the contract's roles count attempts")
                    .filteredOn(name -> name.endsWith(CounterNames.ATTEMPTS))
                    .allMatch(name -> name.equals(CounterNames.OPERATION + CounterNames.ATTEMPTS)
                            || name.equals(CounterNames.DDL + CounterNames.ATTEMPTS)
                            || name.equals(CounterNames.WRITE + CounterNames.ATTEMPTS) && benchmark.contains(".DiagnoseBenchmark."));
        }
        assertThat(layered).isPositive();
    }

    @Test
    void walCountersAreSampledExactlyWhereTheDatabaseIsInWalMode() {
        int wal = 0;
        for (RunResult run : results) {
            Map<String, Result> metrics = run.getAggregatedResult().getSecondaryResults();
            if (!metrics.containsKey(CounterNames.WAL_SAMPLES)) {
                continue;
            }
            String benchmark = run.getParams().getBenchmark() + " " + run.getParams().getParam("journal");
            long samples = count(benchmark, metrics, CounterNames.WAL_SAMPLES);
            if ("WAL".equals(run.getParams().getParam("journal"))) {
                assertThat(samples).as(benchmark).isPositive();
                assertThat(count(benchmark, metrics, CounterNames.WAL_PEAK_BYTES)).as(benchmark).isPositive();
                wal++;
            } else {
                assertThat(samples).as(benchmark).isZero();
                assertThat(count(benchmark, metrics, CounterNames.WAL_PEAK_BYTES)).as(benchmark).isZero();
            }
        }
        assertThat(wal).isPositive();
    }

    @Test
    void churnBenchmarksReportBothRoles() {
        for (RunResult run : results) {
            String benchmark = run.getParams().getBenchmark();
            Collection<String> metrics = run.getAggregatedResult().getSecondaryResults().keySet();
            if (benchmark.endsWith("Benchmark.churn")) {
                assertThat(metrics).as(benchmark).contains("reader", "churner", "ddlOk", "opOk");
            } else if (benchmark.endsWith(".writes")) {
                assertThat(metrics).as(benchmark).contains("writer", "churner", "ddlOk", "opOk");
            }
        }
    }

    @Test
    void anUnknownParameterValueFailsWithAOneLineMessageAndLeavesNothingBehind() {
        Throwable failure = catchThrowable(() -> new Runner(tiny(CHURN)
                .param("journal", "FOO").param("ddl", "AUTOCOMMIT").build()).run());

        assertThat(failure).isInstanceOf(RunnerException.class);
        assertThat(firstIllegalArgument(failure))
                .hasMessage("unknown value 'FOO' for parameter journal; accepted: WAL, DELETE");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void everyTrialRemovedItsDatabase() {
        assertThat(tmp).isEmptyDirectory();
    }

    /** JMH wraps a failed setup's exception as a cause or as a suppressed exception. */
    private static Throwable firstIllegalArgument(Throwable t) {
        if (t == null || t instanceof IllegalArgumentException) {
            return t;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            Throwable found = firstIllegalArgument(suppressed);
            if (found != null) {
                return found;
            }
        }
        return t.getCause() == t ? null : firstIllegalArgument(t.getCause());
    }

    private static void assertAddsUp(String benchmark, Map<String, Result> metrics, String role) {
        long attempts = count(benchmark, metrics, role + CounterNames.ATTEMPTS);
        long outcomes = count(benchmark, metrics, role + CounterNames.OK);
        for (ErrorClass error : ErrorClass.values()) {
            outcomes += count(benchmark, metrics, CounterNames.failure(role, error));
        }
        for (String name : CounterNames.all(role)) {
            count(benchmark, metrics, name);
        }
        // Zero is possible for roles outside JMH's workers (a child JVM may not start within a tiny iteration).
        assertThat(attempts).as(benchmark + " " + role + " attempts").isEqualTo(outcomes);
    }

    private static long count(String benchmark, Map<String, Result> metrics, String name) {
        assertThat(metrics).as(benchmark).containsKey(name);
        double value = metrics.get(name).getScore();
        assertThat(value).as(benchmark + " " + name).isNotNegative();
        return Math.round(value);
    }
}
