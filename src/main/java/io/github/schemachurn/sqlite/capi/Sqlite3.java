package io.github.schemachurn.sqlite.capi;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * The few functions of SQLite's C API this suite calls, mapped by JNA onto the system library
 * (Debian's libsqlite3-0). Pointers are the opaque {@code sqlite3*} and {@code sqlite3_stmt*}
 * handles; strings are UTF-8 ({@link NativeSqlite} loads the library with that encoding).
 * Names and arguments are the C ones (sqlite.org/c3ref), so a reader can look each one up.
 */
public interface Sqlite3 extends Library {
    int SQLITE_OK = 0;
    int SQLITE_ERROR = 1;
    int SQLITE_SCHEMA = 17;
    int SQLITE_ROW = 100;
    int SQLITE_DONE = 101;

    int SQLITE_OPEN_READWRITE = 0x2;
    int SQLITE_OPEN_CREATE = 0x4;

    /** {@code sqlite3_stmt_status} counter: times the statement was automatically re-prepared after a schema change. */
    int SQLITE_STMTSTATUS_REPREPARE = 5;

    int sqlite3_open_v2(String filename, PointerByReference db, int flags, String vfs);

    int sqlite3_close_v2(Pointer db);

    int sqlite3_extended_result_codes(Pointer db, int onoff);

    int sqlite3_busy_timeout(Pointer db, int ms);

    int sqlite3_extended_errcode(Pointer db);

    String sqlite3_errmsg(Pointer db);

    /** The legacy prepare: the statement returns SQLITE_SCHEMA to the caller on a schema change. */
    int sqlite3_prepare(Pointer db, String sql, int nByte, PointerByReference stmt, PointerByReference tail);

    /** Re-prepares by itself on a schema change, up to SQLITE_MAX_SCHEMA_RETRY times. */
    int sqlite3_prepare_v2(Pointer db, String sql, int nByte, PointerByReference stmt, PointerByReference tail);

    int sqlite3_bind_int(Pointer stmt, int index, int value);

    int sqlite3_step(Pointer stmt);

    int sqlite3_reset(Pointer stmt);

    int sqlite3_finalize(Pointer stmt);

    int sqlite3_column_count(Pointer stmt);

    int sqlite3_column_int(Pointer stmt, int column);

    String sqlite3_column_text(Pointer stmt, int column);

    int sqlite3_stmt_status(Pointer stmt, int op, int resetFlag);

    String sqlite3_libversion();

    /** The n-th compile option (without the SQLITE_ prefix), or null past the last. */
    String sqlite3_compileoption_get(int n);
}
