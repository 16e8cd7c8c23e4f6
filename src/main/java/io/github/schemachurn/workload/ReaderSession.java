package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Reader;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.SqlTry;
import io.github.schemachurn.sqlite.Tally;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * One reader thread's session: its own connection (JDBC, or the system library's), reader, retrier
 * and random keys. The session is itself the try it hands to {@link Operation#run}, so a read
 * allocates nothing of its own on the measured path (a capturing lambda per call would).
 */
public final class ReaderSession implements SqlTry, AutoCloseable {
    private final AutoCloseable connection;
    private final Reader reader;
    private final Retrier retrier;
    private final SplittableRandom random;
    private final int rows;
    private int id;
    private Object value;

    public ReaderSession(AutoCloseable connection, Reader reader, Retrier retrier, int rows) {
        this.connection = connection;
        this.reader = reader;
        this.retrier = retrier;
        this.random = new SplittableRandom(System.identityHashCode(this));
        this.rows = Math.max(1, rows);
    }

    /**
     * One read of a random row, counted in {@code tally}. Its result is kept in a field, which the
     * JIT cannot discard, so the read is never optimized away (what a Blackhole is for) and nothing
     * is allocated per call.
     */
    public boolean read(Tally tally) {
        id = 1 + random.nextInt(rows);
        value = null;
        return Operation.run(this, reader, retrier, tally);
    }

    /** One try of the current read: for {@link Operation#run} only. */
    @Override
    public void run() throws SQLException {
        value = reader.read(id);
    }

    /** The reader, e.g. for the counts a native reader keeps. */
    public Reader reader() {
        return reader;
    }

    @Override
    public void close() throws Exception {
        try {
            reader.close();
        } finally {
            connection.close();
        }
    }
}
