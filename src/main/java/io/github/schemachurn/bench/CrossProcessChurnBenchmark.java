package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.workload.Latency;
import io.github.schemachurn.workload.ReaderSession;
import io.github.schemachurn.workload.Workload;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Does a churner in another OS process affect readers differently from one in the same JVM,
 * and does the database come through a churner killed with SIGKILL in the middle of its DDL?
 * The seed's site ran several server processes on one file: SQLite's locks between processes
 * are file locks, and a process can die holding them.
 *
 * <p>Readers are JMH worker threads (group {@code site}, counted in {@link OpCounters}); the churner
 * and one writer ({@link PlacedChurn}) run outside JMH's workers for the whole trial, the churner in
 * the placement {@code churner} names. The placements, the counters ({@link DdlCounters},
 * {@link CrashCounters}) and how kills are injected are in the README, "Cross-process churn and crash
 * injection".
 *
 * <p>At the end of each trial the churner and the writer are stopped and the file is audited:
 * integrity_check ok, every acknowledged insert present and nothing else, the churned table as
 * the acknowledged DDL left it; and with KILLED_PROCESS, every kill's check must have passed.
 * A mismatch fails the trial with the numbers.
 *
 * <p>{@code ddl} must be DEFERRED, IMMEDIATE or EXCLUSIVE: a killed churner must be inside an
 * explicit transaction, and APP_LOCK's in-JVM lock cannot work across processes.
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
            CrashCounters crashes, WalCounters wal, Control control, ThreadParams thread) {
        wal.during(control, site.fixture);
        if (thread.getSubgroupThreadIndex() == 0) {
            // The churner's CPU time and latency are not measured across processes (nor for its thread placement).
            churnerCounters.carry(control, site::churnTotals, () -> 0L, Latency::new);
        }
        return reader.session.read(counters.during(control));
    }
}
