package io.github.schemachurn.sqlite;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.file.Path;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * One connection of the system SQLite library ({@link NativeSqlite}), with extended result
 * codes on. Failures are thrown as {@link SQLiteException} carrying SQLite's real extended code,
 * so {@link ErrorClass} classifies them as it classifies the driver's. Runs DDL as an
 * {@link SqlExecutor}, so every DDL strategy and schema change works on it unchanged. One thread
 * at a time.
 */
public final class NativeConnection implements SqlExecutor, AutoCloseable {
    private final NativeSqlite.Api api = NativeSqlite.api();
    private final Pointer db;

    private NativeConnection(Pointer db) {
        this.db = db;
    }

    /** Opens the file with the suite's synchronous setting, then sets this busy timeout. */
    public static NativeConnection open(Path file, int busyTimeoutMs) throws SQLException {
        return open(file, Database.PATIENT_BUSY_TIMEOUT_MS, busyTimeoutMs);
    }

    /**
     * Opens the file as a web page's per-request connection is opened (PHP's PDO sets its busy
     * timeout right after opening): with the measured busy timeout from the start, so a lock met
     * while connecting (loading the schema) is part of the request.
     */
    public static NativeConnection openAsRequest(Path file, int busyTimeoutMs) throws SQLException {
        return open(file, busyTimeoutMs, busyTimeoutMs);
    }

    /**
     * Opens the file as PHP's PDO SQLite opened it for a page: the connection and its busy timeout,
     * no pragma, so nothing reads the schema before the page's first prepare (which loads all of it).
     */
    public static NativeConnection openAsPage(Path file, int busyTimeoutMs) throws SQLException {
        NativeConnection connection = openBare(file);
        connection.api.sqlite3_busy_timeout(connection.db, busyTimeoutMs);
        return connection;
    }

    private static NativeConnection openBare(Path file) throws SQLException {
        PointerByReference handle = new PointerByReference();
        int rc = NativeSqlite.api().sqlite3_open_v2(file.toString(), handle,
                NativeSqlite.SQLITE_OPEN_READWRITE | NativeSqlite.SQLITE_OPEN_CREATE, null);
        NativeConnection connection = new NativeConnection(handle.getValue());
        if (rc != NativeSqlite.SQLITE_OK) {
            SQLException e = connection.error(rc, "open " + file);
            connection.close();
            throw e;
        }
        connection.api.sqlite3_extended_result_codes(connection.db, 1);
        return connection;
    }

    private static NativeConnection open(Path file, int openTimeoutMs, int busyTimeoutMs) throws SQLException {
        NativeConnection connection = openBare(file);
        NativeSqlite.Api api = connection.api;
        // As Database.connect: patient while opening (another connection may be recovering the
        // WAL index), the measured busy timeout once open; a request is never patient.
        api.sqlite3_busy_timeout(connection.db, openTimeoutMs);
        try {
            connection.execute("PRAGMA synchronous=NORMAL");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        api.sqlite3_busy_timeout(connection.db, busyTimeoutMs);
        return connection;
    }

    /** Runs one statement that returns no rows, prepared with prepare_v2 and finalized. */
    @Override
    public void execute(String sql) throws SQLException {
        Pointer statement = prepare(sql, PrepareMode.V2);
        try {
            int rc;
            do {
                rc = api.sqlite3_step(statement);
            } while (rc == NativeSqlite.SQLITE_ROW);
            if (rc != NativeSqlite.SQLITE_DONE) {
                throw error(api.sqlite3_reset(statement), sql);
            }
        } finally {
            api.sqlite3_finalize(statement);
        }
    }

    /** The first column of the first row of a query that takes no parameters, or null if it returns none. */
    public String queryOne(String sql) throws SQLException {
        Pointer statement = prepare(sql, PrepareMode.V2);
        try {
            return stepOneRow(statement, sql);
        } finally {
            api.sqlite3_finalize(statement);
        }
    }

    /** A prepared statement handle, by the given prepare call; finalize it with {@link #finalizeStatement}. */
    Pointer prepare(String sql, PrepareMode mode) throws SQLException {
        PointerByReference statement = new PointerByReference();
        int rc = mode == PrepareMode.LEGACY
                ? api.sqlite3_prepare(db, sql, -1, statement, null)
                : api.sqlite3_prepare_v2(db, sql, -1, statement, null);
        if (rc != NativeSqlite.SQLITE_OK) {
            throw error(rc, sql);
        }
        return statement.getValue();
    }

    /** Binds the values in order: Long as an integer, Double as a real, anything else as its text. */
    void bind(Pointer statement, java.util.List<Object> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            int rc = value instanceof Long whole ? api.sqlite3_bind_int64(statement, i + 1, whole)
                    : value instanceof Double real ? api.sqlite3_bind_double(statement, i + 1, real)
                    : api.sqlite3_bind_text(statement, i + 1, String.valueOf(value), -1, NativeSqlite.SQLITE_TRANSIENT);
            if (rc != NativeSqlite.SQLITE_OK) {
                throw error(rc, "bind argument " + (i + 1));
            }
        }
    }

    /**
     * One step of a statement that returns at most one row: its first column, or null.
     * With the legacy prepare, a failed step returns the generic SQLITE_ERROR and the specific
     * code (SQLITE_SCHEMA among them) comes from sqlite3_reset, so the code is always taken there.
     */
    String stepOneRow(Pointer statement, String sql) throws SQLException {
        int rc = api.sqlite3_step(statement);
        if (rc == NativeSqlite.SQLITE_ROW) {
            String value = api.sqlite3_column_text(statement, 0);
            api.sqlite3_reset(statement);
            return value;
        }
        int code = api.sqlite3_reset(statement);
        if (rc == NativeSqlite.SQLITE_DONE && code == NativeSqlite.SQLITE_OK) {
            return null;
        }
        throw error(code == NativeSqlite.SQLITE_OK ? rc : code, sql);
    }

    /** Replaces the busy timeout with this handler; the caller keeps it referenced while the connection is open. */
    void busyHandler(NativeSqlite.BusyHandler handler) {
        api.sqlite3_busy_handler(db, handler, null);
    }

    /** Installs (or, with null, removes) a progress handler called every {@code instructions} VM instructions. */
    void progressHandler(int instructions, NativeSqlite.ProgressHandler handler) {
        api.sqlite3_progress_handler(db, instructions, handler, null);
    }

    NativeSqlite.Api api() {
        return api;
    }

    void finalizeStatement(Pointer statement) {
        if (statement != null) {
            api.sqlite3_finalize(statement);
        }
    }

    private SQLException error(int code, String what) {
        int extended = db == null ? code : api.sqlite3_extended_errcode(db);
        // The connection's last error belongs to this call only when its primary code agrees.
        if ((extended & 0xff) != (code & 0xff)) {
            extended = code;
        }
        String message = db == null ? "" : api.sqlite3_errmsg(db);
        // As sqlite-jdbc words it: the enum's "[SQLITE_X] description", then SQLite's message.
        SQLiteErrorCode result = SQLiteErrorCode.getErrorCode(extended);
        return new SQLiteException(result + " (" + message + ") in: " + what, result);
    }

    @Override
    public void close() {
        if (db != null) {
            api.sqlite3_close_v2(db);
        }
    }
}
