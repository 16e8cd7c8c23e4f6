package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Reader;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.Tally;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** One reader thread's session: its own connection (JDBC, or the system library's), reader, retrier and random keys. */
public final class ReaderSession implements AutoCloseable {
    private final AutoCloseable connection;
    private final Reader reader;
    private final Retrier retrier;
    private final SplittableRandom random;
    private final int rows;

    public ReaderSession(AutoCloseable connection, Reader reader, Retrier retrier, int rows) {
        this.connection = connection;
        this.reader = reader;
        this.retrier = retrier;
        this.random = new SplittableRandom(System.identityHashCode(this));
        this.rows = Math.max(1, rows);
    }

    /** One read of a random row, its result handed to {@code sink}, counted in {@code tally}. */
    public boolean read(Tally tally, Consumer<Object> sink) {
        int id = 1 + random.nextInt(rows);
        return Operation.run(() -> sink.accept(reader.read(id)), reader, retrier, tally);
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
