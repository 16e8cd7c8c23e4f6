package io.github.schemachurn.sqlite;

import com.sun.jna.Pointer;
import java.sql.SQLException;
import java.util.List;

/**
 * The point query on the system SQLite library, prepared once with the given {@link PrepareMode}
 * and reused (bind, step, reset), as a driver's cached statement is. After a failure that left
 * the statement unusable (SQLITE_SCHEMA from a legacy statement, anything but BUSY/LOCKED) it is
 * finalized and prepared again on the next read: the seed's PHP did the same, one failed page
 * later. {@link #takeReprepares()} reads SQLite's own count of automatic re-prepares
 * ({@code SQLITE_STMTSTATUS_REPREPARE}).
 */
public final class NativeReader implements Reader {
    private final NativeConnection connection;
    private final String sql;
    private final PrepareMode mode;
    private final List<Object> values;
    private Pointer statement;
    private long reprepares;

    /** The point query: binds the row's id to its one placeholder. */
    public NativeReader(NativeConnection connection, String sql, PrepareMode mode) {
        this(connection, sql, mode, null);
    }

    /**
     * A query with its own arguments, bound in order on every read: Long as an integer, Double as a
     * real, anything else as text; {@code null}: the point query's id.
     */
    public NativeReader(NativeConnection connection, String sql, PrepareMode mode, List<Object> values) {
        this.connection = connection;
        this.sql = sql;
        this.mode = mode;
        this.values = values == null ? null : List.copyOf(values);
    }

    @Override
    public String read(int id) throws SQLException {
        if (statement == null) {
            statement = connection.prepare(sql, mode);
        }
        if (values == null) {
            connection.api().sqlite3_bind_int(statement, 1, id);
        } else {
            connection.bind(statement, values);
        }
        try {
            return connection.stepOneRow(statement, sql);
        } finally {
            reprepares += connection.api().sqlite3_stmt_status(statement, NativeSqlite.SQLITE_STMTSTATUS_REPREPARE, 1);
        }
    }

    /** Automatic re-prepares since the last call. */
    public long takeReprepares() {
        long taken = reprepares;
        reprepares = 0;
        return taken;
    }

    @Override
    public void failed(ErrorClass error) {
        if (error.killsStatement()) {
            connection.finalizeStatement(statement);
            statement = null;
        }
    }

    @Override
    public void close() {
        connection.finalizeStatement(statement);
        statement = null;
    }
}
