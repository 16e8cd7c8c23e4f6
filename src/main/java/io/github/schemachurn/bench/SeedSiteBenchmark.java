package io.github.schemachurn.bench;

import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * The seed's question on its site as PHP served it: how many pages fail with code 17
 * ("database schema has changed") while users register, and does {@code BEGIN EXCLUSIVE} around
 * the registration's CREATE TABLE help? Pages are served by worker processes, as PHP-FPM or a
 * prefork server runs them ({@link ServedSite}): each page opens a fresh connection, prepares its
 * SELECT with the legacy {@code sqlite3_prepare} (PDO SQLite before PHP 7.2) or
 * {@code sqlite3_prepare_v2}, executes it and closes; pages and registrations arrive at random
 * (Poisson), so neither locks into the other's phase. {@link SeedScenarioBenchmark} is the same
 * site with its pages served by threads of one process, back to back on a fixed schedule.
 *
 * <p>The window model: a legacy page is exposed from its first prepare (which loads the whole
 * schema) until its step takes the read lock; a registration committed in that window fails the
 * step with code 17. So the share of failed pages should be about registrations/s x mean window,
 * and the window grows with the schema. Each page times the two parts in the same run.
 *
 * <p>Read: the score is the registrations per second achieved (JMH's thread makes them: each call
 * waits for the next arrival, then registers). Pages, counted only inside JMH's measured window
 * (polled from the workers when it opens and closes): the "op" counters ({@link OpCounters}:
 * opSchema / opAttempts is code 17 per page, opCpuMicros / opAttempts the CPU time per page, the
 * latency counters those of served pages, opRetries / opAttempts the retries per page); the "page"
 * counters ({@link PageCounters}): mean schema load = pageSchemaLoadMicros / pageTimed, mean
 * prepare-to-step = pagePrepareToStepMicros / pageTimed, pageLate / opAttempts the share of pages
 * started over 10 ms after their arrival (the workers did not keep their pace: the run was
 * saturated), and the schema's size when the window opened and closed. Registrations: the "ddl"
 * counters ({@link DdlCounters}). The predicted share is registrationsPerSecond x (mean schema load
 * + mean prepare-to-step) / 1e6; the portable figure is the measured share per registration/s per
 * 1,000 schema objects.
 *
 * <p>Varied (list the params with {@code java -jar target/benchmarks.jar -lp SeedSiteBenchmark}):
 * {@code prepare}, {@code journal}, {@code ddl} (AUTOCOMMIT, DEFERRED, IMMEDIATE or EXCLUSIVE),
 * {@code registrationsPerSecond}, {@code existingUsers}, {@code retries} (the workaround: on code 17
 * prepare and execute again, at most that often), {@code workers}, {@code pagesPerSecond},
 * {@code busyTimeout}, {@code seed}. The seed's setup (PDO's own busy timeout, 60 s) and its fix:
 * <pre>java -jar target/benchmarks.jar SeedSiteBenchmark -p prepare=LEGACY,V2 -p journal=DELETE \
 *   -p ddl=AUTOCOMMIT,EXCLUSIVE -p registrationsPerSecond=20 -p busyTimeout=60000 -rf json -rff seed-site.json</pre>
 * Keep {@code pagesPerSecond} x CPU per page well below the cores left over, and check pageLate.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(3)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 5, time = 2)
public class SeedSiteBenchmark {

    @Benchmark
    public boolean registration(ServedSite site, DdlCounters registrations, OpCounters pages, PageCounters window,
            Control control) throws SQLException {
        pages.carry(control, site::pollPages, site::pageCpuNanos, site::pageLatency);
        window.enter(control, site, pages);
        return site.register(registrations.during(control));
    }
}
