package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Retrier;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;

/**
 * A writer that keeps inserting on its own thread while the schema churns (and the churner
 * process gets killed). Its ids start at {@link #firstId()} and move on only with an
 * acknowledged insert, so rows {@code firstId .. firstId + acknowledged - 1} must all be in the
 * database at any moment: that is how a check finds lost writes while writing goes on.
 */
public final class WriterLoop extends BackgroundLoop implements AutoCloseable {
    private final Connection connection;
    private final Writer writer;
    private final Retrier retrier;
    private final long firstId;
    private final long pauseNanos;
    private volatile long acknowledged;
    private volatile Totals totals = Totals.ZERO;

    /**
     * @param connection this writer's own connection, closed with it
     * @param pauseMicros a pause after each insert: a writer that never pauses holds the write
     *                    lock almost all the time, and in a rollback-journal database readers
     *                    (and the recovery of a hot journal, which needs EXCLUSIVE) then starve
     */
    public WriterLoop(Connection connection, long firstId, Retrier retrier, long pauseMicros) {
        this.connection = connection;
        this.pauseNanos = pauseMicros * 1_000;
        this.writer = new Writer(connection, firstId);
        this.retrier = retrier;
        this.firstId = firstId;
    }

    @Override
    void step() {
        Totals.Step step = new Totals.Step();
        if (Operation.run(writer::insert, writer, retrier, step)) {
            acknowledged++;
        }
        totals = totals.plus(step);
        if (pauseNanos > 0) {
            LockSupport.parkNanos(pauseNanos);
        }
    }

    public long firstId() {
        return firstId;
    }

    /** Inserts acknowledged so far; read it before looking for the rows. */
    public long acknowledged() {
        return acknowledged;
    }

    public Totals totals() {
        return totals;
    }

    /** Stops the loop if running and closes the connection. */
    @Override
    public void close() throws SQLException {
        try {
            stop();
        } finally {
            writer.close();
            connection.close();
        }
    }
}
