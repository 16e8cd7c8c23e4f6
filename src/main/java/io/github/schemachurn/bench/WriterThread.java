package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.workload.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A writer thread: its own connection and a prepared INSERT over its own id range. */
@State(Scope.Thread)
public class WriterThread {
    /** Far apart enough that no writer's range reaches the next. */
    private static final long ID_RANGE = 1L << 40;

    Writer writer;
    Retrier retrier;
    private Connection connection;

    @Setup(Level.Trial)
    public void open(ChurnedDatabase db) throws SQLException {
        connection = db.database.connect();
        retrier = db.retryPolicy.create();
        retrier.configure(connection, db.database.busyTimeoutMs());
        writer = new Writer(connection, 1 + db.writers.getAndIncrement() * ID_RANGE);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        if (writer != null) {
            writer.close();
        }
        if (connection != null) {
            connection.close();
        }
    }
}
