package io.github.schemachurn.workload.diagnosis;

import io.github.schemachurn.sqlite.CachedStatement;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.RetryPolicy;
import io.github.schemachurn.sqlite.SqlTry;
import io.github.schemachurn.sqlite.Tally;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The user's writer on a copy: the write statement on a connection of its own, cached as a
 * driver caches it, with no application retry (SQLite's busy timeout waits). It keeps the longest
 * call (ok or failed, busy waits included) until taken: how long a write was held up.
 */
public final class Writer implements SqlTry, AutoCloseable {
    private final Connection connection;
    private final CachedStatement write;
    private final Case diagnosis;
    private final Retrier retrier = RetryPolicy.NONE.create();
    private long longestNanos;

    public Writer(Connection connection, Case diagnosis) {
        this.connection = connection;
        this.write = new CachedStatement(connection, diagnosis.write());
        this.diagnosis = diagnosis;
    }

    /** One write, counted in {@code tally}. */
    public boolean write(Tally tally) {
        long start = System.nanoTime();
        boolean ok = Operation.run(this, write, retrier, tally);
        long took = System.nanoTime() - start;
        synchronized (this) {
            longestNanos = Math.max(longestNanos, took);
        }
        return ok;
    }

    /** One try of the write: for {@link Operation#run} only. */
    @Override
    public void run() throws SQLException {
        PreparedStatement statement = write.get();
        diagnosis.writeBinder().bind(statement, 1);
        statement.executeUpdate();
    }

    /** The longest call since the last take, in microseconds. */
    public synchronized long takeLongestMicros() {
        long longest = longestNanos / 1_000;
        longestNanos = 0;
        return longest;
    }

    @Override
    public void close() throws SQLException {
        try {
            write.close();
        } finally {
            connection.close();
        }
    }
}
