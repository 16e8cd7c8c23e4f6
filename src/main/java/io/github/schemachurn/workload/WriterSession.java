package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.CachedStatement;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.Tally;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * One writer thread's session: its own connection and a cached prepared INSERT over its own id
 * range. A row's id moves on only when its insert was acknowledged, so a retried insert reuses
 * its id and the acknowledged ids are exactly {@code firstId .. firstId + acknowledged - 1}: the
 * audit checks each one.
 */
public final class WriterSession implements Operation.FailureListener, AutoCloseable {
    /** Far apart enough that no writer's range reaches the next. */
    static final long ID_RANGE = 1L << 40;

    private final Connection connection;
    private final CachedStatement insert;
    private final Retrier retrier;
    private final long firstId;
    private volatile long acknowledged;

    /** @param index the writer's number in its fixture, which picks its id range */
    WriterSession(Connection connection, Retrier retrier, int index) {
        this.connection = connection;
        this.insert = new CachedStatement(connection, Workload.INSERT);
        this.retrier = retrier;
        this.firstId = 1 + index * ID_RANGE;
    }

    /** One insert of the next id, counted in {@code tally}. */
    public boolean insert(Tally tally) {
        boolean ok = Operation.run(this::tryInsert, this, retrier, tally);
        if (ok) {
            acknowledged++;
        }
        return ok;
    }

    /** One try at inserting the next row. */
    private void tryInsert() throws SQLException {
        long id = firstId + acknowledged;
        PreparedStatement statement = insert.get();
        statement.setLong(1, id);
        statement.setString(2, "written-" + id);
        statement.executeUpdate();
    }

    @Override
    public void failed(ErrorClass error) {
        insert.failed(error);
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
            insert.close();
        } finally {
            connection.close();
        }
    }
}
