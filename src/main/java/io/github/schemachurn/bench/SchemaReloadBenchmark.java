package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Binder;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.workload.Workload;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * What does one schema reload cost, per schema size? Before every call of the {@code stale*}
 * methods another connection commits one schema change (a {@link Level#Invocation} setup, not
 * timed), so the measured call finds its connection's schema stale and reloads all of
 * {@code sqlite_schema}:
 * <ul>
 * <li>{@code staleCached}: a cached statement executed again; sqlite3_step re-prepares it
 * (what a CACHED reader pays per schema change).</li>
 * <li>{@code stalePrepare}: prepare, execute, close (what a PER_CALL reader or a web request pays).</li>
 * <li>{@code freshPrepare}: the same with no schema change before it: the baseline, so
 * stalePrepare - freshPrepare is the reload itself.</li>
 * <li>{@code sweep}: the threshold model's input. Each fork times a fresh prepare and the
 * stale cached statement at every schema size in {@link #SWEEP_TABLES}, one per iteration in a
 * rotated order (counters {@code sweepExtraTables} and {@code sweepStale} say which), so each fork
 * fits its own cost per table and carries its own reference; between-fork drift of the machine
 * then cancels in the ratio. Run it with a multiple of {@value #SWEEP_LEVELS} iterations.</li>
 * </ul>
 * Compare the reload with the churner's gap between commits (1 / its DDL rate in
 * {@link SchemaSizeBenchmark}): once the reload is longer, readers can be invalidated 50 times
 * in a row. Invocation-level setup adds some timer noise to microsecond calls (JMH warns about
 * it); the large schemas take milliseconds, where it does not matter.
 *
 * <p>Varied: the schema's size ({@code extraTables}; the sweep times its own sizes); list the params
 * and their values with {@code java -jar target/benchmarks.jar -lp SchemaReloadBenchmark}. With the
 * defaults it takes about 35 s; the sweep about 1.2 min:
 * <pre>java -jar target/benchmarks.jar SchemaReloadBenchmark -p extraTables=0,100,500,2000 \
 *   -f 1 -wi 1 -w 1s -i 3 -r 1s -rf json -rff results/scaling-reload.json</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(3)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 3, time = 1)
public class SchemaReloadBenchmark {
    static final int ROWS = 10_000;
    /** The schema sizes the sweep times in every fork. */
    static final int[] SWEEP_TABLES = {0, 100, 500, 2000};
    /** A fresh prepare, then the stale cached statement at each size (SWEEP_TABLES.length + 1; a constant for the annotations). */
    static final int SWEEP_LEVELS = 5;

    @State(Scope.Benchmark)
    public static class SizedDatabase {
        /** Extra tables, each with an index. */
        @Param({"0", "2000"})
        public String extraTables;

        Database database;

        @Setup(Level.Trial)
        public void create() throws SQLException {
            int extra = Params.parseNonNegativeInt("extraTables", extraTables);
            database = Workload.createDatabase(JournalMode.WAL, 0, ROWS, extra);
        }

        @TearDown(Level.Trial)
        public void remove() {
            database.close();
        }
    }

    /** The measured connection, its cached statement, and a second connection that changes the schema. */
    @State(Scope.Thread)
    public static class Session {
        ReloadProbe probe;

        @Setup(Level.Trial)
        public void open(SizedDatabase db) throws SQLException {
            probe = new ReloadProbe(db.database, Workload.POINT_QUERY, Binder.BY_ID, ROWS);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            probe.close();
        }
    }

    /** Makes the session's schema stale before every call of the method that uses it. */
    @State(Scope.Thread)
    public static class StaleSchema {
        @Setup(Level.Invocation)
        public void changeSchema(Session session) throws SQLException {
            session.probe.changeSchema();
        }
    }

    /** Which level an iteration of the sweep timed: its schema size and whether the schema was stale. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class SweepLevel {
        public long sweepExtraTables;
        public long sweepStale;
    }

    /** One database per sweep size, each with its reader's cached statement and a changer; one level per iteration. */
    @State(Scope.Thread)
    public static class Sweep {
        final Database[] databases = new Database[SWEEP_TABLES.length];
        final ReloadProbe[] probes = new ReloadProbe[SWEEP_TABLES.length];
        /** Level 0 is the fresh prepare (on the empty schema), level k > 0 the stale cached statement at SWEEP_TABLES[k - 1]. */
        int level;
        private int iteration;
        private int rotation;

        @Setup(Level.Trial)
        public void create() throws SQLException {
            rotation = java.util.concurrent.ThreadLocalRandom.current().nextInt(SWEEP_LEVELS);
            for (int i = 0; i < SWEEP_TABLES.length; i++) {
                databases[i] = Workload.createDatabase(JournalMode.WAL, 0, ROWS, SWEEP_TABLES[i]);
                probes[i] = new ReloadProbe(databases[i], Workload.POINT_QUERY, Binder.BY_ID, ROWS);
            }
        }

        @Setup(Level.Iteration)
        public void nextLevel() {
            level = (rotation + iteration++) % SWEEP_LEVELS;
        }

        @Setup(Level.Invocation)
        public void staleIfTimed() throws SQLException {
            if (level > 0) {
                probes[level - 1].changeSchema();
            }
        }

        @TearDown(Level.Trial)
        public void remove() throws SQLException {
            try {
                for (ReloadProbe probe : probes) {
                    if (probe != null) {
                        probe.close();
                    }
                }
            } finally {
                for (Database database : databases) {
                    if (database != null) {
                        database.close();
                    }
                }
            }
        }
    }

    @Benchmark
    @Warmup(iterations = SWEEP_LEVELS)
    @Measurement(iterations = 2 * SWEEP_LEVELS)
    public String sweep(Sweep sweep, SweepLevel timed) throws SQLException {
        if (sweep.level == 0) {
            timed.sweepExtraTables = SWEEP_TABLES[0];
            timed.sweepStale = 0;
            return sweep.probes[0].prepareAndRun();
        }
        timed.sweepExtraTables = SWEEP_TABLES[sweep.level - 1];
        timed.sweepStale = 1;
        return sweep.probes[sweep.level - 1].runCached();
    }

    @Benchmark
    public String staleCached(Session s, StaleSchema stale) throws SQLException {
        return s.probe.runCached();
    }

    @Benchmark
    public String stalePrepare(Session s, StaleSchema stale) throws SQLException {
        return s.probe.prepareAndRun();
    }

    @Benchmark
    public String freshPrepare(Session s) throws SQLException {
        return s.probe.prepareAndRun();
    }
}
