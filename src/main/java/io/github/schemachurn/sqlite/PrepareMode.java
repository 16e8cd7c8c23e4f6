package io.github.schemachurn.sqlite;

/**
 * Which C-API call prepares a statement on the system SQLite library ({@link NativeSqlite}).
 * The only difference between the two: what happens to a prepared statement when another
 * connection has changed the schema since it was prepared.
 */
public enum PrepareMode {
    /**
     * {@code sqlite3_prepare}, the legacy call (PHP's PDO used it up to PHP 7.1): the next step
     * of the statement fails with SQLITE_SCHEMA (17), and the caller must prepare it again.
     */
    LEGACY,
    /**
     * {@code sqlite3_prepare_v2}, what every modern driver uses: the step re-prepares the
     * statement itself, up to SQLITE_MAX_SCHEMA_RETRY times in a row, before it gives up with
     * SQLITE_SCHEMA.
     */
    V2
}
