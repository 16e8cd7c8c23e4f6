package io.github.schemachurn.sqlite.capi;

import com.sun.jna.Pointer;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.Reader;
import java.sql.SQLException;

/**
 * The point query on a {@link NativeConnection}, prepared once with a {@link PrepareMode} and
 * reused: bind the id, step, read the first column, reset.
 *
 * <p>Under {@link PrepareMode#LEGACY} a schema change expires the statement: that read fails
 * with SQLITE_SCHEMA (counted as the operation's failure, as PHP's PDO surfaced it to the page),
 * and the reader finalizes the statement and prepares it afresh on the next call, as a PHP page
 * did on its next request. Under {@link PrepareMode#V2} SQLite re-prepares inside step; those
 * re-prepares are counted by {@link #reprepares()}.
 */
public final class NativeReader implements Reader {
    private final NativeConnection connection;
    private final Sqlite3 lib;
    private final String sql;
    private final PrepareMode mode;
    private Pointer statement;
    private long finishedReprepares;
    private long prepares;

    /** @param sql the point query, one integer parameter, the result in its first column */
    public NativeReader(NativeConnection connection, String sql, PrepareMode mode) {
        this.connection = connection;
        this.lib = connection.lib();
        this.sql = sql;
        this.mode = mode;
    }

    @Override
    public String read(int id) throws SQLException {
        if (statement == null) {
            statement = connection.prepare(sql, mode);
            prepares++;
        }
        lib.sqlite3_bind_int(statement, 1, id);
        boolean row = connection.step(statement);
        String value = row ? lib.sqlite3_column_text(statement, 0) : null;
        lib.sqlite3_reset(statement);
        return value;
    }

    /** After SQLITE_SCHEMA the statement is expired for good (legacy prepare): drop it. */
    @Override
    public void failed(ErrorClass error) {
        if (error == ErrorClass.SCHEMA) {
            finish();
        }
    }

    /** Re-prepares SQLite made by itself inside step ({@code SQLITE_STMTSTATUS_REPREPARE}), over every statement this reader prepared; always 0 under LEGACY. */
    public long reprepares() {
        long current = statement == null ? 0 : lib.sqlite3_stmt_status(statement, Sqlite3.SQLITE_STMTSTATUS_REPREPARE, 0);
        return finishedReprepares + current;
    }

    /** Statements this reader prepared itself: the first, plus one after each SQLITE_SCHEMA under LEGACY. */
    public long prepares() {
        return prepares;
    }

    private void finish() {
        if (statement != null) {
            finishedReprepares += lib.sqlite3_stmt_status(statement, Sqlite3.SQLITE_STMTSTATUS_REPREPARE, 0);
            lib.sqlite3_finalize(statement);
            statement = null;
        }
    }

    /** Finalizes the statement; the connection is the caller's. */
    @Override
    public void close() {
        finish();
    }
}
