package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CachedStatement;
import io.github.schemachurn.sqlite.JournalMode;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.Reader;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.workload.Workload;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.Control;

/**
 * The ceiling with no churn: how fast is the point query at all, cached or prepared per call,
 * and what does this suite's strategy layer (operation runner, retrier, counters) cost on top?
 * {@code bare*} is plain JDBC ({@link CachedStatement#queryById}); {@code layered*} is the same
 * query through the code the churn benchmarks use. The harness's overhead is layeredCached against bareCached.
 *
 * <p>Quick run: <pre>java -jar target/benchmarks.jar CeilingBenchmark -p journal=WAL -f 1 -wi 1 -i 3</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class CeilingBenchmark {

    @State(Scope.Benchmark)
    public static class SeededDatabase {
        @Param({"WAL", "DELETE"})
        public String journal;

        @Param({"10000"})
        public String rows;

        Database database;
        int rowCount;

        @Setup(Level.Trial)
        public void create() throws SQLException {
            JournalMode journalMode = Params.parseEnum("journal", journal, JournalMode.class);
            rowCount = Math.max(1, Params.parseNonNegativeInt("rows", rows));
            database = Workload.createDatabase(journalMode, 0, rowCount, 0);
        }

        @TearDown(Level.Trial)
        public void remove() {
            database.close();
        }
    }

    @State(Scope.Thread)
    public static class Session {
        Connection connection;
        PreparedStatement cached;
        Reader cachedReader;
        Reader perCallReader;
        Retrier noRetry;
        private SplittableRandom random;
        private int rows;

        @Setup(Level.Trial)
        public void open(SeededDatabase db) throws SQLException {
            connection = db.database.connect();
            cached = connection.prepareStatement(Workload.POINT_QUERY);
            ReentrantReadWriteLock unusedLock = new ReentrantReadWriteLock();
            cachedReader = ReaderStrategy.CACHED.open(connection, Workload.POINT_QUERY, unusedLock);
            perCallReader = ReaderStrategy.PER_CALL.open(connection, Workload.POINT_QUERY, unusedLock);
            noRetry = RetryPolicy.NONE.create();
            random = new SplittableRandom(42);
            rows = db.rowCount;
        }

        int nextId() {
            return 1 + random.nextInt(rows);
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            cachedReader.close();
            perCallReader.close();
            cached.close();
            connection.close();
        }
    }

    @Benchmark
    public String bareCached(Session s) throws SQLException {
        return CachedStatement.queryById(s.cached, s.nextId());
    }

    @Benchmark
    public String barePreparePerCall(Session s) throws SQLException {
        try (PreparedStatement statement = s.connection.prepareStatement(Workload.POINT_QUERY)) {
            return CachedStatement.queryById(statement, s.nextId());
        }
    }

    @Benchmark
    public boolean layeredCached(Session s, OpCounters counters, Control control, Blackhole blackhole) {
        int id = s.nextId();
        return Operation.run(() -> blackhole.consume(s.cachedReader.read(id)), s.cachedReader, s.noRetry, counters.during(control));
    }

    @Benchmark
    public boolean layeredPreparePerCall(Session s, OpCounters counters, Control control, Blackhole blackhole) {
        int id = s.nextId();
        return Operation.run(() -> blackhole.consume(s.perCallReader.read(id)), s.perCallReader, s.noRetry, counters.during(control));
    }
}
