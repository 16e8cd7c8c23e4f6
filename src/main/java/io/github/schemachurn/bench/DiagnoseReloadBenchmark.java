package io.github.schemachurn.bench;

import io.github.schemachurn.workload.diagnosis.Case;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.JournalMode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;

/**
 * What does a schema reload cost the user's own query on the user's own schema? The measurement of
 * {@link SchemaReloadBenchmark} (fresh prepare, stale prepare, stale cached statement, with one
 * schema change committed by another connection before each stale call) on a copy of the user's
 * database with the user's query and arguments, for {@code diagnose}: the stale cost is its
 * threshold model's input (readers can meet SQLITE_SCHEMA once schema changes come faster than
 * one reload). Run by {@code java -jar target/benchmarks.jar diagnose …}; with default params it
 * runs on a demo schema.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
public class DiagnoseReloadBenchmark {

    @State(Scope.Benchmark)
    public static class CopiedDatabase extends DiagnosisParams {
        Case diagnosis;
        Database database;

        @Setup(Level.Trial)
        public void copy() throws SQLException {
            diagnosis = diagnosisCase();
            database = Database.copyOf(Path.of(diagnosis.source()), JournalMode.WAL, 0);
        }

        @TearDown(Level.Trial)
        public void remove() {
            try {
                database.close();
            } finally {
                removeDemo();
            }
        }
    }

    @State(Scope.Thread)
    public static class Session {
        ReloadProbe probe;

        @Setup(Level.Trial)
        public void open(CopiedDatabase db) throws SQLException {
            probe = new ReloadProbe(db.database, db.diagnosis.query(), db.diagnosis.binder(), 1);
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
