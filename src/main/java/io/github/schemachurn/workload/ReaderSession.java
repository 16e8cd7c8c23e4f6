package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Reader;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.SqlTry;
import io.github.schemachurn.sqlite.Tally;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One reader thread's session: its own connection (JDBC, or the system library's), reader, retrier
 * and random keys. The session is itself the try it hands to {@link Operation#run}, so a read
 * allocates nothing of its own on the measured path (a capturing lambda per call would, and a
 * sink kept in a field would make the caller's method reference escape).
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

    /** One read of a random row, its result handed to {@code sink}, counted in {@code tally}. */
    public boolean read(Tally tally, Consumer<Object> sink) {
        id = 1 + random.nextInt(rows);
        value = null;
        boolean ok = Operation.run(this, reader, retrier, tally);
        sink.accept(value);
        return ok;
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
