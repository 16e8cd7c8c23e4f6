package io.github.schemachurn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.ErrorClass;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The seed's site served by worker processes, through JMH's Runner API at tiny settings: pages and
 * registrations are counted in every measured iteration and add up, the retry mode counts its
 * retries, the audit at the end passes (a failed audit fails the run), and bad input is one line.
 */
class SeedSiteBenchmarkTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void privateTmp() {
        System.setProperty(Database.TMPDIR_PROPERTY, tmp.toString());
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(Database.TMPDIR_PROPERTY);
    }

    private static ChainedOptionsBuilder tiny() {
        return new OptionsBuilder()
                .include("io\\.github\\.schemachurn\\.bench\\.SeedSiteBenchmark\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(400))
                .param("journal", "WAL")
                .param("ddl", "AUTOCOMMIT")
                .param("prepare", "LEGACY")
                .param("rows", "100")
                .param("existingUsers", "50")
                .param("registrationsPerSecond", "80")
                .param("workers", "2")
                .param("pagesPerSecond", "100")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    @Test
    @Timeout(180)
    void everyMeasuredIterationCountsPagesAndRegistrationsThatAddUpAndTheAuditPasses() throws RunnerException {
        Collection<RunResult> results = new Runner(tiny().param("retries", "0", "3").build()).run();

        assertThat(results).hasSize(2);
        for (RunResult run : results) {
            String retries = run.getParams().getParam("retries");
            for (BenchmarkResult benchmark : run.getBenchmarkResults()) {
                for (IterationResult iteration : benchmark.getIterationResults()) {
                    Map<String, Result> counters = iteration.getSecondaryResults();
                    assertThat(counters.keySet()).containsAll(CounterNames.all(CounterNames.OPERATION))
                            .containsAll(CounterNames.all(CounterNames.DDL)).containsAll(CounterNames.page());
                    for (String role : new String[] {CounterNames.OPERATION, CounterNames.DDL}) {
                        long attempts = count(counters, role + CounterNames.ATTEMPTS);
                        long outcomes = count(counters, role + CounterNames.OK);
                        for (ErrorClass error : ErrorClass.values()) {
                            outcomes += count(counters, CounterNames.failure(role, error));
                        }
                        assertThat(attempts).as(role + " with retries=" + retries).isPositive().isEqualTo(outcomes);
                    }
                    assertThat(count(counters, "pageTimed")).isLessThanOrEqualTo(count(counters, "opAttempts"));
                    assertThat(count(counters, "pageSchemaObjectsStart")).as("50 users, a table and an index each").isGreaterThan(100);
                    assertThat(count(counters, "pageSchemaObjectsEnd")).isGreaterThanOrEqualTo(count(counters, "pageSchemaObjectsStart"));
                    if (retries.equals("0")) {
                        assertThat(count(counters, "opRetries")).isZero();
                        assertThat(count(counters, "pageRetried")).isZero();
                    } else {
                        assertThat(count(counters, "opRetries")).isGreaterThanOrEqualTo(count(counters, "pageRetried"));
                    }
                }
            }
        }
        assertThat(tmp).as("every trial removed its database and its workers' directories").isEmptyDirectory();
    }

    @Test
    void thePageCountersAreNamedAsCounterNamesNamesThem() {
        assertThat(Arrays.stream(PageCounters.class.getFields()).map(Field::getName))
                .containsExactlyInAnyOrderElementsOf(CounterNames.page());
    }

    @Test
    void aWorkerCountThatIsNotAPositiveWholeNumberIsOneLineNamingIt() {
        Throwable failure = catchThrowable(() -> new Runner(tiny().param("workers", "0").build()).run());

        assertThat(rootMessage(failure)).isEqualTo("parameter workers must be above 0, got 0");
        assertThat(tmp).isEmptyDirectory();
    }

    private static long count(Map<String, Result> counters, String name) {
        assertThat(counters).containsKey(name);
        return Math.round(counters.get(name).getScore());
    }

    /** JMH wraps a failed setup's exception as a cause or as a suppressed exception. */
    private static String rootMessage(Throwable t) {
        if (t == null) {
            return null;
        }
        if (t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        for (Throwable suppressed : t.getSuppressed()) {
            String found = rootMessage(suppressed);
            if (found != null) {
                return found;
            }
        }
        return t.getCause() == t ? null : rootMessage(t.getCause());
    }
}
