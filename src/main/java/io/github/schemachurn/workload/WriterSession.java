package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.Tally;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One writer thread's session: its own connection and a prepared INSERT over its own id range.
 * Ids are used in order and only acknowledged inserts advance, so the acknowledged ids are
 * exactly {@code firstId .. firstId + acknowledged - 1}: the audit checks each one.
 */
public final class WriterSession implements AutoCloseable {
    /** Far apart enough that no writer's range reaches the next. */
    static final long ID_RANGE = 1L << 40;

    private final Connection connection;
    private final Writer writer;
    private final Retrier retrier;
    private final long firstId;
    private volatile long acknowledged;

    /** @param index the writer's number in its fixture, which picks its id range */
    WriterSession(Connection connection, Retrier retrier, int index) {
        this.connection = connection;
        this.retrier = retrier;
        this.firstId = 1 + index * ID_RANGE;
        this.writer = new Writer(connection, firstId);
    }

    /** One insert of the next id, counted in {@code tally}. */
    public boolean insert(Tally tally) {
        boolean ok = Operation.run(writer::insert, writer, retrier, tally);
        if (ok) {
            acknowledged++;
        }
        return ok;
    }

    public long firstId() {
        return firstId;
    }

    public long acknowledged() {
        return acknowledged;
    }

    @Override
    public void close() throws SQLException {
        try {
            writer.close();
        } finally {
            connection.close();
        }
    }
}
