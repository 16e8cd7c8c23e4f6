package io.github.schemachurn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * The seed author's question, on a model of the seed's site: does {@code BEGIN EXCLUSIVE}
 * around the registration DDL stop page requests from failing? Three request threads each
 * serve {@code requestsPerSecond} pages the PHP way (connect, prepare the SELECT, execute,
 * close; a {@link Visitor} paces them outside the timed call), while a registration thread
 * ({@link Site}) creates a table per new user at {@code registrationsPerSecond}, so the schema
 * grows during the run as on the seed's site.
 *
 * <p>Read: request latency percentiles (the primary score's scorePercentiles: the group has one
 * method, so there is no "request" secondary metric; SampleTime, failed requests included: a fast failure
 * looks like a fast page, so read them with the counters); % of failed requests by class
 * ({@link OpCounters}: opBusy / opAttempts, …); the registrations achieved in the same measured
 * window ({@link DdlCounters}, carried by the first request thread). Each request connects with
 * the site's busy timeout from the start, as a PHP page does. Latency is measured from the request's own start, not its
 * scheduled slot: a request that waited for a late predecessor is not charged for it.
 *
 * <p>Varied: {@code journal}, {@code ddl} (with and without the seed's EXCLUSIVE), plus
 * existingUsers, registrationsPerSecond, requestsPerSecond, busyTimeout. The default is both
 * journal modes x AUTOCOMMIT and EXCLUSIVE, about 30 s. The sweep over every DDL strategy
 * (about 1.5 min):
 * <pre>java -jar target/benchmarks.jar SeedScenarioBenchmark -p journal=WAL,DELETE \
 *   -p ddl=AUTOCOMMIT,DEFERRED,IMMEDIATE,EXCLUSIVE,APP_LOCK -f 1 -wi 1 -w 1s -i 3 -r 1s \
 *   -rf json -rff results/scaling-seed.json</pre>
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
    public boolean request(Site site, Visitor visitor, OpCounters counters, DdlCounters registrations, Control control,
            ThreadParams thread) {
        if (thread.getSubgroupThreadIndex() == 0) {
            registrations.carry(control, site.registrations::totals, site.registrations::cpuNanos,
                    site.registrations::takeLatency);
        }
        return site.requests.serve(visitor.nextItem(), counters.during(control));
    }
}
