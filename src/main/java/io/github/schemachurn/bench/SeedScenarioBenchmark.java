package io.github.schemachurn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The seed author's question, on the seed's own ground: does {@code BEGIN EXCLUSIVE} around the
 * registration DDL stop page requests from failing with code 17? Three request threads each
 * serve {@code requestsPerSecond} pages the PHP way (connect, prepare the SELECT, execute,
 * close; a {@link Visitor} paces them outside the timed call), while a registration thread
 * ({@link Site}) creates a table per new user at {@code registrationsPerSecond}, so the schema
 * grows during the run as on the seed's site. Pages and registrations run on the system SQLite
 * library (Debian's libsqlite3-0), pages preparing with the legacy {@code sqlite3_prepare} (PDO
 * SQLite before PHP 7.2) or with {@code sqlite3_prepare_v2} ({@code prepare}).
 *
 * <p>Read: % of requests failed by class ({@link OpCounters}: opSchema / opAttempts is code 17
 * per request, opBusy / opAttempts BUSY), the request latency of successful requests (the latency
 * counters), and the registrations achieved in the same measured window ({@link DdlCounters},
 * carried by the first request thread), with their own failures. The primary score is JMH's
 * SampleTime of every request, failed ones included (a fast failure looks like a fast page).
 * Each request connects with the site's busy timeout from the start, as a PHP page does.
 * Latency is measured from the request's own start, not its scheduled slot: a request that
 * waited for a late predecessor is not charged for it.
 *
 * <p>Varied: {@code prepare}, {@code journal}, {@code ddl} (with and without the seed's
 * EXCLUSIVE), plus existingUsers, registrationsPerSecond, requestsPerSecond, busyTimeout. The
 * seed's setup is PDO's own busy timeout (60 s) in a rollback journal:
 * <pre>java -jar target/benchmarks.jar SeedScenarioBenchmark -p prepare=LEGACY,V2 -p journal=DELETE,WAL \
 *   -p ddl=AUTOCOMMIT,EXCLUSIVE -p busyTimeout=60000 -rf json -rff seed.json</pre>
 * APP_LOCK's lock has no readers here (PHP requests share no lock), so it equals AUTOCOMMIT.
 * 3 request threads + registration on 2 cores: busy, but at 200 requests/s each mostly idle.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class SeedScenarioBenchmark {

    @Benchmark
    @Group("site")
    @GroupThreads(3)
    public boolean request(Site site, Visitor visitor, OpCounters counters, DdlCounters registrations, WalCounters wal,
            Control control, ThreadParams thread) {
        wal.during(control, site.fixture);
        if (thread.getSubgroupThreadIndex() == 0) {
            registrations.carry(control, site.registrations::totals, site.registrations::cpuNanos,
                    site.registrations::takeLatency);
        }
        return site.requests.serve(visitor.nextItem(), counters.during(control));
    }
}
