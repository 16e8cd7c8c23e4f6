package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.NativeConnection;
import io.github.schemachurn.sqlite.NativeReader;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.PrepareMode;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.sqlite.Tally;
import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.CpuPlacement;
import io.github.schemachurn.workload.Fixture;
import io.github.schemachurn.workload.SchemaChange;
import io.github.schemachurn.workload.Workload;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;

/**
 * The seed's own driver: does code 17 reach a reader whose statement was prepared with the legacy
 * {@code sqlite3_prepare} (PHP's PDO up to 7.1), does {@code BEGIN EXCLUSIVE} around the DDL
 * change that, and what does {@code sqlite3_prepare_v2} do on the same library? One reader and
 * one churner, both on the system SQLite library ({@link NativeConnection}): the rows differ only
 * by the prepare call. {@code opReprepares} counts SQLite's own automatic re-prepares
 * ({@code SQLITE_STMTSTATUS_REPREPARE}) in the measured window. Needs {@code libsqlite3.so.0}
 * (Debian: libsqlite3-0); without it the trial fails with one line saying so.
 *
 * <p>Quick run: <pre>java -jar target/benchmarks.jar '\.LegacyPrepareBenchmark\.' -p journal=WAL -p ddl=AUTOCOMMIT,EXCLUSIVE -f 1 -wi 1 -i 2</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class LegacyPrepareBenchmark {

    /** The database, seeded through the driver before the system library opens it; audited and removed at the end. */
    @State(Scope.Group)
    public static class NativeDatabase {
        @Param({"LEGACY", "V2"})
        public String prepare;

        @Param({"WAL", "DELETE"})
        public String journal;

        @Param({"AUTOCOMMIT", "DEFERRED", "IMMEDIATE", "EXCLUSIVE"})
        public String ddl;

        @Param({"0"})
        public String extraTables;

        @Param({"SIDE_TABLE"})
        public String change;

        @Param({"SPLIT"})
        public String cpus;

        Fixture fixture;
        PrepareMode mode;
        CpuPlacement placement;

        @Setup(Level.Trial)
        public void create() throws SQLException {
            mode = Params.parseEnum("prepare", prepare, PrepareMode.class);
            JournalMode journalMode = Params.parseEnum("journal", journal, JournalMode.class);
            DdlStrategy ddlStrategy = Params.parseEnum("ddl", ddl, DdlStrategy.class);
            SchemaChange schemaChange = Params.parseEnum("change", change, SchemaChange.class);
            placement = Params.parseEnum("cpus", cpus, CpuPlacement.class);
            placement.check();
            int extra = Params.parseNonNegativeInt("extraTables", extraTables);
            io.github.schemachurn.sqlite.NativeSqlite.version(); // fails with one line if the library is missing
            fixture = Fixture.create(journalMode, ddlStrategy, RetryPolicy.NONE, schemaChange, 0, Site.ROWS, extra);
        }

        /** A connection of the system library, closed by the fixture before its audit opens the file through the driver. */
        NativeConnection connect() throws SQLException {
            NativeConnection connection = NativeConnection.open(fixture.database.file(), 0);
            fixture.closeBeforeAudit(connection);
            return connection;
        }

        @TearDown(Level.Trial)
        public void auditAndRemove() throws Exception {
            fixture.auditAndRemove();
        }
    }

    @State(Scope.Thread)
    public static class LegacyReader {
        NativeReader reader;
        final Retrier noRetry = RetryPolicy.NONE.create();
        private final SplittableRandom random = new SplittableRandom(42);

        @Setup(Level.Trial)
        public void open(NativeDatabase db) throws SQLException {
            db.placement.pin(CounterNames.OPERATION);
            reader = new NativeReader(db.connect(), Workload.POINT_QUERY, db.mode);
            db.fixture.closeBeforeAudit(reader);
        }

        int nextId() {
            return 1 + random.nextInt(Site.ROWS);
        }
    }

    @State(Scope.Thread)
    public static class LegacyChurner {
        Churner churner;

        @Setup(Level.Trial)
        public void open(NativeDatabase db) throws SQLException {
            db.placement.pin(CounterNames.DDL);
            churner = db.fixture.nativeChurner(db.connect());
        }
    }

    /** SQLite's automatic re-prepares of the reader's statement in the measured window. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class RepreparesCounter {
        public long opReprepares;
    }

    @Benchmark
    @Group("legacy")
    @GroupThreads(1)
    public boolean reader(LegacyReader thread, OpCounters counters, RepreparesCounter reprepares, Control control,
            Blackhole blackhole) {
        int id = thread.nextId();
        Tally tally = counters.during(control);
        boolean ok = Operation.run(() -> blackhole.consume(thread.reader.read(id)), thread.reader, thread.noRetry, tally);
        long seen = thread.reader.takeReprepares();
        if (tally != Tally.NONE) {
            reprepares.opReprepares += seen;
        }
        return ok;
    }

    @Benchmark
    @Group("legacy")
    @GroupThreads(1)
    public boolean churner(LegacyChurner thread, DdlCounters counters, Control control) {
        return thread.churner.step(counters.during(control));
    }
}
