package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CounterNames;
import io.github.schemachurn.sqlite.NativeReader;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.PrepareMode;
import io.github.schemachurn.sqlite.Tally;
import io.github.schemachurn.workload.Churner;
import io.github.schemachurn.workload.Fixture;
import io.github.schemachurn.workload.ReaderSession;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * The seed's own driver: does code 17 reach a reader whose statement was prepared with the legacy
 * {@code sqlite3_prepare} (PHP's PDO up to 7.1), does {@code BEGIN EXCLUSIVE} around the DDL
 * change that, and what does {@code sqlite3_prepare_v2} do on the same library? One reader and
 * one churner, both on the system SQLite library ({@link NativeConnection}): the rows differ only
 * by the prepare call. {@code opReprepares} counts SQLite's own automatic re-prepares
 * ({@code SQLITE_STMTSTATUS_REPREPARE}) in the measured window. Needs {@code libsqlite3.so.0}
 * (Debian: libsqlite3-0); without it the trial fails with one line saying so. The database and
 * its params are the churn benchmarks' ({@link ChurnedDatabase}).
 *
 * <p>Quick run: <pre>java -jar target/benchmarks.jar '\.LegacyPrepareBenchmark\.' -p journal=WAL -p ddl=AUTOCOMMIT,EXCLUSIVE -p cpus=SPLIT -f 1 -wi 1 -i 2</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class LegacyPrepareBenchmark {

    /** The reader: the point query through the system library, prepared with the legacy call or with v2. */
    @State(Scope.Thread)
    public static class LegacyReader {
        @Param({"LEGACY", "V2"})
        public String prepare;

        ReaderSession session;
        NativeReader reader;

        @Setup(Level.Trial)
        public void open(ChurnedDatabase db) throws SQLException {
            PrepareMode mode = Params.parseEnum("prepare", prepare, PrepareMode.class);
            db.placement.pin(CounterNames.OPERATION);
            session = db.fixture.nativeReader(mode);
            reader = (NativeReader) session.reader();
        }
    }

    /** The churner, on a connection of the system library too (the group's ddl and change; no retry). */
    @State(Scope.Thread)
    public static class LegacyChurner extends RoleThread<Churner> {
        public LegacyChurner() {
            super(CounterNames.DDL, Fixture::nativeChurner);
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
    public boolean reader(LegacyReader thread, OpCounters counters, RepreparesCounter reprepares, ChurnedDatabase db,
            WalCounters wal, Control control) {
        wal.during(control, db.fixture);
        Tally tally = counters.during(control);
        boolean ok = thread.session.read(tally);
        long seen = thread.reader.takeReprepares();
        if (tally != Tally.NONE) {
            reprepares.opReprepares += seen;
        }
        return ok;
    }

    @Benchmark
    @Group("legacy")
    @GroupThreads(1)
    public boolean churner(LegacyChurner thread, DdlCounters counters, ChurnedDatabase db, WalCounters wal, Control control) {
        wal.during(control, db.fixture);
        return thread.session.step(counters.during(control));
    }
}
