package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.ChurnerPlacement;
import io.github.schemachurn.workload.CrashStats;
import io.github.schemachurn.workload.DurabilityCheck;
import io.github.schemachurn.workload.Fixture;
import io.github.schemachurn.workload.ReaderSession;
import io.github.schemachurn.workload.SchemaChange;
import io.github.schemachurn.workload.Totals;
import io.github.schemachurn.workload.Workload;
import io.github.schemachurn.workload.WriterLoop;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
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
 * {@link OpCounters}). The churner and one writer run outside JMH's workers, for the whole
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
 * kills the churner more than 100 times.
 *
 * <p>Quick run: <pre>java -jar target/benchmarks.jar CrossProcessChurnBenchmark -p journal=DELETE -p ddl=IMMEDIATE -p churner=KILLED_PROCESS -wi 0 -i 3</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 6, time = 1)
public class CrossProcessChurnBenchmark {

    /** The database, the background churner and writer. */
    @State(Scope.Group)
    public static class Site {
        @Param({"WAL", "DELETE"})
        public String journal;

        /** How the churner wraps its DDL: {@link DdlStrategy}. */
        @Param({"IMMEDIATE", "EXCLUSIVE"})
        public String ddl;

        /** Where the churner runs: {@link ChurnerPlacement}. */
        @Param({"THREAD", "PROCESS", "KILLED_PROCESS"})
        public String churner;

        /** How every role reacts to a failure: {@link RetryPolicy}. */
        @Param({"NONE"})
        public String retry;

        /** SQLite's busy_timeout in ms on every connection (the driver's own default would be 3000). */
        @Param({"0"})
        public String busyTimeout;

        /** What the churner changes: {@link SchemaChange}. */
        @Param({"SIDE_TABLE"})
        public String change;

        @Param({"10000"})
        public String rows;

        /** The background writer's pause after each insert, in microseconds. */
        @Param({"1000"})
        public String writerPauseUs;

        Fixture fixture;
        private ChurnerPlacement placement;
        private int pauseMicros;
        private WriterLoop writer;
        ChurnerPlacement.RunningChurn churn;
        private CrashStats crashesAtStart = CrashStats.ZERO;

        @Setup(Level.Trial)
        public void create() throws SQLException {
            // Parse and check everything before creating anything, so bad input leaves nothing behind.
            JournalMode journalMode = Params.parseEnum("journal", journal, JournalMode.class);
            DdlStrategy ddlStrategy = Params.parseEnum("ddl", ddl, DdlStrategy.class);
            placement = Params.parseEnum("churner", churner, ChurnerPlacement.class);
            RetryPolicy retryPolicy = Params.parseEnum("retry", retry, RetryPolicy.class);
            SchemaChange schemaChange = Params.parseEnum("change", change, SchemaChange.class);
            pauseMicros = Params.parseNonNegativeInt("writerPauseUs", writerPauseUs);
            placement.check(ddlStrategy);
            fixture = Fixture.create(journalMode, ddlStrategy, retryPolicy, schemaChange,
                    Params.parseNonNegativeInt("busyTimeout", busyTimeout), Params.parseNonNegativeInt("rows", rows), 0);
        }

        /**
         * Starts the writer and the churner at the first iteration, after the readers have
         * connected (with busy timeout 0, connecting fails while a writer holds the lock).
         */
        @Setup(Level.Iteration)
        public synchronized void startOnce() throws SQLException {
            if (churn == null) {
                Connection connection = fixture.database.connect();
                Retrier retrier = fixture.retry.create();
                retrier.configure(connection, fixture.database.busyTimeoutMs());
                writer = new WriterLoop(connection, 1, retrier, pauseMicros);
                writer.start("schemachurn-writer");
                churn = placement.start(fixture.database, fixture.ddl, fixture.retry, fixture.change, fixture.appLock,
                        List.of(writer));
            }
        }

        /** Crash counts since the last call; the first caller of an iteration gets them, later ones zero. */
        synchronized CrashStats takeCrashes() {
            CrashStats now = churn.crashes();
            CrashStats taken = now.minus(crashesAtStart);
            crashesAtStart = now;
            return taken;
        }

        Totals churnTotals() {
            writer.checkHealthy();
            return churn.report().totals();
        }

        @TearDown(Level.Trial)
        public void auditAndRemove() throws SQLException {
            try {
                if (churn != null) {
                    churn.close();
                    writer.close();
                    audit();
                }
            } finally {
                fixture.close();
            }
        }

        private void audit() throws SQLException {
            CrashStats crashes = churn.crashes();
            if (crashes.failedRecoveries() > 0) {
                throw new IllegalStateException("crash recovery failed after " + crashes.failedRecoveries() + " of "
                        + crashes.kills() + " kills: " + churn.problems());
            }
            DurabilityCheck.Result result = DurabilityCheck.check(fixture.database, fixture.change,
                    DurabilityCheck.Expectation.of(churn.report().state()), List.of(writer));
            long rowsFound;
            try (Connection c = fixture.database.connect()) {
                rowsFound = Workload.countRows(c, Workload.WRITE_TABLE);
            }
            if (!result.ok() || rowsFound != writer.acknowledged()) {
                throw new IllegalStateException("audit failed: " + result.describe() + "; " + writer.acknowledged()
                        + " inserts acknowledged, " + rowsFound + " rows in " + Workload.WRITE_TABLE);
            }
        }
    }

    /** A reader thread: its own connection and a cached point query. */
    @State(Scope.Thread)
    public static class Reader {
        ReaderSession session;

        @Setup(Level.Trial)
        public void open(Site site) throws SQLException {
            session = site.fixture.reader(ReaderStrategy.CACHED, Workload.POINT_QUERY);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            session.close();
        }
    }

    @Benchmark
    @Group("site")
    @GroupThreads(1)
    public boolean reader(Reader reader, Site site, OpCounters counters, DdlCounters churnerCounters,
            CrashCounters crashes, Control control, ThreadParams thread, Blackhole blackhole) {
        if (thread.getSubgroupThreadIndex() == 0) {
            // The churner's CPU time is not measured across processes.
            churnerCounters.carry(control, site::churnTotals, () -> 0L);
        }
        return reader.session.read(counters.during(control), blackhole::consume);
    }
}
