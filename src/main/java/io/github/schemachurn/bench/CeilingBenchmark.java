package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.CachedStatement;
import io.github.schemachurn.sqlite.DdlStrategy;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.workload.Fixture;
import io.github.schemachurn.workload.ReaderSession;
import io.github.schemachurn.workload.SchemaChange;
import io.github.schemachurn.workload.Workload;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Control;

/**
 * The ceiling with no churn: how fast is the point query at all, cached or prepared per call,
 * and what does this suite's strategy layer (operation runner, retrier, counters) cost on top?
 * {@code bare*} is plain JDBC ({@link CachedStatement#queryById}); {@code layered*} is the same
 * query through the reader session the churn benchmarks use ({@link ReaderSession}: reader
 * strategy, retrier, counters). The harness's overhead is layeredCached against bareCached;
 * {@link HarnessCostBenchmark} measures what the layer adds per read directly, without SQLite.
 * Varied: the journal mode; list the params and their values with
 * {@code java -jar target/benchmarks.jar -lp CeilingBenchmark}.
 *
 * <p>Quick run: <pre>java -jar target/benchmarks.jar CeilingBenchmark -p journal=WAL -f 1 -wi 1 -i 3</pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
public class CeilingBenchmark {

    /** The seeded database with no churner: journal, busyTimeout, rows ({@link DatabaseParams}); audited and removed at the end. */
    @State(Scope.Benchmark)
    public static class SeededDatabase extends DatabaseParams {
        Fixture fixture;

        @Setup(Level.Trial)
        public void create() throws SQLException {
            fixture = fixture(DdlStrategy.AUTOCOMMIT, RetryPolicy.NONE, SchemaChange.SIDE_TABLE, 0);
        }

        @TearDown(Level.Trial)
        public void auditAndRemove() throws Exception {
            fixture.auditAndRemove();
        }
    }

    /**
     * One connection, read bare (a cached statement) or through the churn benchmarks' reader
     * sessions built on it: every method reads through the same connection, so the layer is the
     * only difference (connections opened at different moments differed by a few percent).
     */
    @State(Scope.Thread)
    public static class Session {
        Connection connection;
        PreparedStatement cached;
        ReaderSession cachedReader;
        ReaderSession perCallReader;
        private final SplittableRandom random = new SplittableRandom(42);
        private int rows;

        @Setup(Level.Trial)
        public void open(SeededDatabase db) throws SQLException {
            rows = Math.max(1, db.fixture.rows);
            connection = db.fixture.database.connect();
            cached = connection.prepareStatement(Workload.POINT_QUERY);
            cachedReader = session(ReaderStrategy.CACHED);
            perCallReader = session(ReaderStrategy.PER_CALL);
        }

        private ReaderSession session(ReaderStrategy strategy) {
            // Neither strategy takes the application lock; RetryPolicy.NONE, as the fixture's readers here.
            // The connection is this state's: a session closes only its reader's statements.
            return new ReaderSession(() -> {}, strategy.open(connection, Workload.POINT_QUERY, new ReentrantReadWriteLock()),
                    RetryPolicy.NONE.create(), rows);
        }

        int nextId() {
            return 1 + random.nextInt(rows);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            // In reverse order: the sessions' statements, the bare one, then the connection.
            try (Connection c = connection; PreparedStatement bare = cached; ReaderSession a = cachedReader; ReaderSession b = perCallReader) {
                // nothing to do but close
            }
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
    public boolean layeredCached(Session s, OpCounters counters, Control control) {
        return s.cachedReader.read(counters.during(control));
    }

    @Benchmark
    public boolean layeredPreparePerCall(Session s, OpCounters counters, Control control) {
        return s.perCallReader.read(counters.during(control));
    }
}
