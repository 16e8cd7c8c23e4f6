package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Counts;
import java.sql.SQLException;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link WriterSession} that keeps inserting on its own thread while the schema churns (and
 * the churner process gets killed). Its acknowledged ids are always {@code firstId .. firstId +
 * acknowledged - 1}, so a check can look for lost writes while writing goes on.
 */
public final class WriterLoop extends BackgroundLoop implements AutoCloseable {
    private final WriterSession session;
    private final long pauseNanos;
    private volatile Counts totals = new Counts();

    /**
     * @param session     the writer, closed with the loop
     * @param pauseMicros a pause after each insert: a writer that never pauses holds the write
     *                    lock almost all the time, and in a rollback-journal database readers
     *                    (and the recovery of a hot journal, which needs EXCLUSIVE) then starve
     */
    public WriterLoop(WriterSession session, long pauseMicros) {
        this.session = session;
        this.pauseNanos = pauseMicros * 1_000;
    }

    @Override
    void step() {
        Counts step = new Counts();
        session.insert(step);
        totals = totals.plus(step);
        if (pauseNanos > 0) {
            LockSupport.parkNanos(pauseNanos);
        }
    }

    public long firstId() {
        return session.firstId();
    }

    /** Inserts acknowledged so far; read it before looking for the rows. */
    public long acknowledged() {
        return session.acknowledged();
    }

    public Counts totals() {
        return totals;
    }

    /** Stops the loop if running and closes the session. */
    @Override
    public void close() throws SQLException {
        try {
            stop();
        } finally {
            session.close();
        }
    }
}
