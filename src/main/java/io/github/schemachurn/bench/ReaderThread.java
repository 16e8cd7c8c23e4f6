package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.Reader;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.workload.Workload;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A reader thread: its own connection, its reader strategy, its retrier, its random keys. */
@State(Scope.Thread)
public class ReaderThread {
    /** How the point query is prepared and run: {@link ReaderStrategy}. */
    @Param({"CACHED"})
    public String reader;

    Reader strategy;
    Retrier retrier;
    private Connection connection;
    private SplittableRandom random;
    private int rows;

    @Setup(Level.Trial)
    public void open(ChurnedDatabase db) throws SQLException {
        ReaderStrategy readerStrategy = Params.parseEnum("reader", reader, ReaderStrategy.class);
        connection = db.database.connect();
        retrier = db.retryPolicy.create();
        retrier.configure(connection, db.database.busyTimeoutMs());
        strategy = readerStrategy.open(connection, Workload.POINT_QUERY, db.appLock);
        random = new SplittableRandom(System.identityHashCode(this));
        rows = Math.max(1, db.rowCount);
    }

    int nextId() {
        return 1 + random.nextInt(rows);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        if (strategy != null) {
            strategy.close();
        }
        if (connection != null) {
            connection.close();
        }
    }
}
