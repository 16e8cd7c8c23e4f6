package io.github.schemachurn.bench;

import io.github.schemachurn.workload.diagnosis.MigratedCopy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.sqlite.Tally;
import io.github.schemachurn.workload.PacedLoop;
import io.github.schemachurn.workload.ReaderSession;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;
import org.openjdk.jmh.infra.IterationParams;

/**
 * What do the user's readers meet while the user's migration runs? One JMH reader runs the user's
 * query through a reader strategy (or the legacy prepare on the system library) on a copy of the user's database while a background thread
 * ({@link MigratedCopy}) applies the user's migration: up and down alternate at {@code ddlPerSecond}
 * (UNPACED: back to back, a stress setting), or with {@code ddlPerSecond=ONCE} (a migration without
 * rollback) it is applied once per fresh copy in every iteration, a third of the way in. The reader's
 * thread carries the migration's counts over its measured window ({@link RoleCounters#carry}), a
 * writer's if the case has a write statement ({@link WriteCounters}: the writer runs on its own
 * paced thread), and the stalls ({@link StallCounters}). Busy timeout: sqlite-jdbc's default, 3000 ms.
 *
 * <p>Run by {@code java -jar target/benchmarks.jar diagnose …}, which writes the case file and
 * sets the params; with default params it runs on a demo schema. List the params and their values
 * with {@code java -jar target/benchmarks.jar -lp '\.DiagnoseBenchmark\.'}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class DiagnoseBenchmark {
    @State(Scope.Group)
    public static class Migration extends DiagnosisParams {
        @Param({"WAL"})
        public String journal;

        /** SQLite's busy_timeout in ms on every connection; sqlite-jdbc's default is 3000. */
        @Param({"3000"})
        public String busyTimeout;

        /** Migration steps (up, down, up, …) per second, UNPACED, or ONCE: the migration alone, once per fresh copy in each iteration. */
        @Param({"10"})
        public String ddlPerSecond;

        /**
         * How the user's query is prepared and run: a {@link ReaderStrategy}, or
         * {@link MigratedCopy#LEGACY_PREPARE}: the legacy prepare on the system library, every
         * connection of the trial on that library (no writer).
         */
        @Param({"CACHED"})
        public String reader;

        MigratedCopy copy;

        @Setup(Level.Trial)
        public void create() throws SQLException {
            JournalMode mode = Params.parseEnum("journal", journal, JournalMode.class);
            int timeout = Params.parseNonNegativeInt("busyTimeout", busyTimeout);
            boolean once = Params.ONCE.equals(ddlPerSecond);
            double rate = once || Params.UNPACED.equals(ddlPerSecond) ? 0 : Params.parseNonNegativeInt("ddlPerSecond", ddlPerSecond);
            if (rate == 0 && !once && !Params.UNPACED.equals(ddlPerSecond)) {
                throw new IllegalArgumentException("parameter ddlPerSecond must be above 0, " + Params.UNPACED + " or " + Params.ONCE + ", got " + ddlPerSecond);
            }
            copy = new MigratedCopy(diagnosisCase(), mode, timeout, once, rate, MigratedCopy.LEGACY_PREPARE.equals(reader));
        }

        @Setup(Level.Iteration)
        public void start(IterationParams iteration) throws SQLException {
            copy.startIteration(iteration.getTime().convertTo(TimeUnit.NANOSECONDS));
        }

        @TearDown(Level.Iteration)
        public void end() {
            copy.endIteration();
        }

        @TearDown(Level.Trial)
        public void auditAndRemove() throws Exception {
            try {
                copy.close();
            } finally {
                removeDemo();
            }
        }
    }

    /** The reader's session, opened for every iteration on the iteration's copy (the copy closes it). */
    @State(Scope.Thread)
    public static class QueryReader {
        ReaderSession session;

        @Setup(Level.Iteration)
        public void open(Migration migration) throws SQLException {
            session = MigratedCopy.LEGACY_PREPARE.equals(migration.reader) ? migration.copy.legacyReader()
                    : migration.copy.reader(Params.parseEnum("reader", migration.reader, ReaderStrategy.class));
        }
    }

    @Benchmark
    @Group("migration")
    @GroupThreads(1)
    public boolean reader(QueryReader thread, Migration migration, OpCounters counters, DdlCounters migrationCounters,
            WriteCounters writerCounters, StallCounters stalls, Control control) {
        migrationCounters.carry(control, migration.copy.loop()::totals, migration.copy.loop()::cpuNanos,
                migration.copy.loop()::takeLatency);
        PacedLoop writes = migration.copy.writes();
        if (writes != null) {
            writerCounters.carry(control, writes::totals, writes::cpuNanos, writes::takeLatency);
        }
        Tally tally = counters.during(control);
        long start = System.nanoTime();
        boolean ok = thread.session.read(tally);
        if (tally != Tally.NONE) {
            stalls.read(start, ok, migration.copy.migrator());
        }
        return ok;
    }
}
