package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Params;
import io.github.schemachurn.sqlite.Reader;
import io.github.schemachurn.sqlite.ReaderStrategy;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
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

/** A reader thread of the scaling studies: its own connection and reader strategy, no application retry. */
@State(Scope.Thread)
public class ScalingReader {
    /** How the point query is prepared and run: {@link ReaderStrategy}. */
    @Param({"CACHED"})
    public String reader;

    Reader strategy;
    final Retrier retrier = RetryPolicy.NONE.create();
    private Connection connection;
    private SplittableRandom random;

    @Setup(Level.Trial)
    public void open(ScalingDatabase db) throws SQLException {
        ReaderStrategy readerStrategy = Params.parseEnum("reader", reader, ReaderStrategy.class);
        connection = db.database.connect();
        strategy = readerStrategy.open(connection, Workload.POINT_QUERY, db.appLock);
        random = new SplittableRandom(System.identityHashCode(this));
    }

    int nextId() {
        return 1 + random.nextInt(ScalingDatabase.ROWS);
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
