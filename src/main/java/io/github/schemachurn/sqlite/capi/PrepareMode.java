package io.github.schemachurn.sqlite.capi;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;

/**
 * Which C call prepares a statement: the only difference between the two rows of a legacy
 * comparison, on one and the same library.
 */
public enum PrepareMode {
    /**
     * {@code sqlite3_prepare}, as PHP's PDO used until PHP 7.2 (php-src PR 4313): on the first
     * schema change since it was prepared, the statement fails with SQLITE_SCHEMA (17) and never
     * re-prepares itself; it stays expired, so the caller must finalize it and prepare again.
     * Step reports only the generic SQLITE_ERROR; {@code sqlite3_reset} returns the real code.
     * PDO surfaced that error to the PHP page ("database schema has changed").
     */
    LEGACY {
        @Override
        int prepare(Sqlite3 lib, Pointer db, String sql, PointerByReference statement) {
            return lib.sqlite3_prepare(db, sql, -1, statement, null);
        }
    },
    /**
     * {@code sqlite3_prepare_v2}: step re-prepares and retries by itself, up to
     * SQLITE_MAX_SCHEMA_RETRY times (25 in Debian's build, see {@link NativeSqlite#compileOptions()};
     * 50 by default), counted by {@code SQLITE_STMTSTATUS_REPREPARE}.
     */
    V2 {
        @Override
        int prepare(Sqlite3 lib, Pointer db, String sql, PointerByReference statement) {
            return lib.sqlite3_prepare_v2(db, sql, -1, statement, null);
        }
    };

    abstract int prepare(Sqlite3 lib, Pointer db, String sql, PointerByReference statement);
}
