package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.workload.Latency;
import io.github.schemachurn.workload.ReaderSession;
import io.github.schemachurn.workload.Workload;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Does a churner in another OS process affect readers differently from one in the same JVM,
 * and does the database come through a churner killed with SIGKILL in the middle of its DDL?
 * The seed's site ran several server processes on one file: SQLite's locks between processes
 * are file locks, and a process can die holding them.
 *
 * <p>Readers are JMH worker threads (group {@code site}, method {@code reader}, counted in
 * {@link OpCounters}). The churner and one writer ({@link PlacedChurn}) run outside JMH's workers, for the whole
 * trial, in every placement alike: {@code churner=THREAD} a thread of the benchmark JVM,
 * {@code PROCESS} a second JVM started from the same class path ({@code ChurnerProcess}),
 * {@code KILLED_PROCESS} churner JVMs killed inside DDL transactions and restarted, with a
 * recovery check after each kill ({@code CrashLoop}). The writer inserts with a pause of
 * {@code writerPauseUs} between inserts. The churner's counts over the reader's measured window
 * are in {@link DdlCounters} (its DDL/s is ddlOk over ddlWindowMicros, in every placement), the
 * kills and recoveries per iteration in {@link CrashCounters}. DDL cut off by a kill count as
 * kills, not as attempts. The writer's inserts are not counted per iteration: the audit checks
 * every acknowledged one by id.
 *
 * <p>At the end of each trial the churner and the writer are stopped and the file is audited:
 * integrity_check ok, every acknowledged insert present and nothing else, the churned table as
 * the acknowledged DDL left it; and with KILLED_PROCESS, every kill's check must have passed.
 * A mismatch fails the trial with the numbers.
 *
 * <p>Varied: journal, ddl (DEFERRED, IMMEDIATE or EXCLUSIVE: a killed churner must be inside
 * an explicit transaction; APP_LOCK cannot work across processes), churner, and retry,
 * busyTimeout, change, rows, writerPauseUs. The default run (2 journals x 2 ddl x 3
 * placements, three forks, 1 warmup + 6 iterations of 1 s) takes about 5 minutes and
 * kills the churner over 100 times (each churner JVM takes about 0.25 s to start).
 *
 * <p>Quick run: <pre>java -jar target/benchmarks.jar CrossProcessChurnBenchmark -p journal=DELETE -p ddl=IMMEDIATE -p churner=KILLED_PROCESS -wi 0 -i 3</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 6, time = 1)
public class CrossProcessChurnBenchmark {

    /** A reader thread: its own connection and a cached point query. */
    @State(Scope.Thread)
    public static class Reader {
        ReaderSession session;

        @Setup(Level.Trial)
        public void open(PlacedChurn site) throws SQLException {
            session = site.fixture.reader(ReaderStrategy.CACHED, Workload.POINT_QUERY);
        }
    }

    @Benchmark
    @Group("site")
    @GroupThreads(1)
    public boolean reader(Reader reader, PlacedChurn site, OpCounters counters, DdlCounters churnerCounters,
            CrashCounters crashes, Control control, ThreadParams thread, Blackhole blackhole) {
        if (thread.getSubgroupThreadIndex() == 0) {
            // The churner's CPU time and latency are not measured across processes (nor for its thread placement).
            churnerCounters.carry(control, site::churnTotals, () -> 0L, Latency::new);
        }
        return reader.session.read(counters.during(control), blackhole::consume);
    }
}
