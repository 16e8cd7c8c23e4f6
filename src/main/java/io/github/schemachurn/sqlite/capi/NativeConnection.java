package io.github.schemachurn.sqlite.capi;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.github.schemachurn.sqlite.Database;
import io.github.schemachurn.sqlite.SqlExecutor;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A connection of the system SQLite library ({@link NativeSqlite}), opened the way
 * {@link Database#connect()} opens a JDBC one: same synchronous mode, busy timeout set
 * explicitly. It is a {@link SqlExecutor}, so the churner and every DDL strategy run through it
 * unchanged. Failures are {@link SQLiteException}s carrying SQLite's extended result code (extended
 * codes are switched on at open), so {@code ErrorClass} classifies them as it does the driver's.
 *
 * <p>One thread at a time; not for a file that sqlite-jdbc has open at the same time (see
 * {@link NativeSqlite}).
 */
public final class NativeConnection implements SqlExecutor, AutoCloseable {
    private final Sqlite3 lib;
    private Pointer db;

    private NativeConnection(Sqlite3 lib, Pointer db) {
        this.lib = lib;
        this.db = db;
    }

    /** A connection to the database's file with its synchronous mode and busy timeout. */
    public static NativeConnection open(Database database) throws SQLException {
        return open(database.file(), database.synchronous(), database.busyTimeoutMs());
    }

    /**
     * Opens (or creates) {@code file}. Like {@link Database#connect}, the pragmas run with a long
     * busy timeout, and the measured {@code busyTimeoutMs} is set once the connection is open.
     */
    public static NativeConnection open(Path file, SQLiteConfig.SynchronousMode synchronous, int busyTimeoutMs)
            throws SQLException {
        Sqlite3 lib = NativeSqlite.library();
        PointerByReference handle = new PointerByReference();
        int rc = lib.sqlite3_open_v2(file.toString(), handle, Sqlite3.SQLITE_OPEN_READWRITE | Sqlite3.SQLITE_OPEN_CREATE, null);
        // open_v2 hands out a handle even on failure (unless out of memory); it must be closed.
        NativeConnection connection = new NativeConnection(lib, handle.getValue());
        try {
            if (rc != Sqlite3.SQLITE_OK) {
                throw connection.error(rc);
            }
            lib.sqlite3_extended_result_codes(connection.db, 1);
            lib.sqlite3_busy_timeout(connection.db, Database.PATIENT_BUSY_TIMEOUT_MS);
            // The enum's own name, never outside text: NORMAL, FULL, OFF, EXTRA.
            connection.execute("PRAGMA synchronous=" + synchronous.name());
            connection.busyTimeout(busyTimeoutMs);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** SQLite's busy_timeout in ms; 0 fails at once on a lock. */
    public void busyTimeout(int ms) {
        lib.sqlite3_busy_timeout(db, ms);
    }

    /** Runs one statement to completion, discarding any rows (a PRAGMA's answer, say). */
    @Override
    public void execute(String sql) throws SQLException {
        Pointer statement = prepare(sql, PrepareMode.V2);
        try {
            step(statement);
        } finally {
            lib.sqlite3_finalize(statement);
        }
    }

    /** The first column of the first row of a query, as an int (0 if no row): for checks and tests. */
    public int queryInt(String sql) throws SQLException {
        Pointer statement = prepare(sql, PrepareMode.V2);
        try {
            return step(statement) ? lib.sqlite3_column_int(statement, 0) : 0;
        } finally {
            lib.sqlite3_finalize(statement);
        }
    }

    /** The library this connection belongs to. */
    Sqlite3 lib() {
        return lib;
    }

    /** Prepares one statement with the given call. */
    Pointer prepare(String sql, PrepareMode mode) throws SQLException {
        PointerByReference statement = new PointerByReference();
        int rc = mode.prepare(lib, db, sql, statement);
        if (rc != Sqlite3.SQLITE_OK) {
            throw error(rc);
        }
        if (statement.getValue() == null) {
            throw new IllegalArgumentException("no SQL statement in: " + sql);
        }
        return statement.getValue();
    }

    /**
     * Steps a statement: true for a row, false when done. On failure resets it and throws with the
     * real code: a legacy statement's step reports only SQLITE_ERROR, and reset returns the
     * specific (extended) code, SQLITE_SCHEMA among them; with prepare_v2 both return it.
     */
    boolean step(Pointer statement) throws SQLException {
        int rc = lib.sqlite3_step(statement);
        if (rc == Sqlite3.SQLITE_ROW) {
            return true;
        }
        if (rc == Sqlite3.SQLITE_DONE) {
            return false;
        }
        int reset = lib.sqlite3_reset(statement);
        throw error(reset != Sqlite3.SQLITE_OK ? reset : rc);
    }

    /** The failure as sqlite-jdbc reports one: the code's enum constant, the message in its format. */
    SQLiteException error(int rc) {
        String message = db == null ? "out of memory" : lib.sqlite3_errmsg(db);
        SQLiteErrorCode code = SQLiteErrorCode.getErrorCode(rc);
        return new SQLiteException(code + " (" + message + ")", code);
    }

    /** Closes the connection; statements not yet finalized keep it alive until they are ({@code sqlite3_close_v2}). */
    @Override
    public void close() {
        if (db != null) {
            lib.sqlite3_close_v2(db);
            db = null;
        }
    }
}
