package io.github.schemachurn.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * How fast may the schema change before readers suffer? A churner on a background thread
 * ({@link PacedChurner}, not a JMH worker) commits DDL at a fixed rate, or back to back, while
 * one JMH reader runs the point query. The reader's thread also carries the churner's counts
 * over its own measured window ({@link DdlCounters#carry}), so ddlOk over ddlWindowMicros is
 * the DDL rate really achieved: a churner that cannot keep its pace shows it.
 *
 * <p>With the driver's own busy timeout and rates applications produce, this is where the answer's
 * realistic regimes come from (part of {@code results/run.sh}; 0.5 with {@code change=MIGRATION}
 * is a migration every 2 s):
 * <pre>java -jar target/benchmarks.jar PacedChurnBenchmark -p busyTimeout=3000 -p ddlPerSecond=1,10,100 \
 *   -p journal=WAL,DELETE -p ddl=AUTOCOMMIT,IMMEDIATE,EXCLUSIVE -p cpus=SPLIT -rf json</pre>
 * and, unpaced or fast on a large schema, where re-prepares lose the race:
 * <pre>java -jar target/benchmarks.jar PacedChurnBenchmark -p ddlPerSecond=100,1000,UNPACED \
 *   -p extraTables=100,2000 -p reader=CACHED,SNAPSHOT_LEASE -p ddl=EXCLUSIVE -p journal=WAL -rf json</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PacedChurnBenchmark {

    @Benchmark
    @Group("paced")
    @GroupThreads(1)
    public boolean reader(ReaderThread thread, PacedChurner churner, OpCounters counters, DdlCounters churnerCounters,
            ChurnedDatabase db, WalCounters wal, Control control) {
        wal.during(control, db.fixture);
        churnerCounters.carry(control, churner.loop::totals, churner.loop::cpuNanos, churner.loop::takeLatency);
        return thread.session.read(counters.during(control));
    }
}
