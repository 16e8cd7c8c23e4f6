package io.github.schemachurn.sqlite;

/**
 * Which C-API call prepares a statement on the system SQLite library ({@link NativeSqlite}).
 * The only difference between the two: what happens to a prepared statement when another
 * connection has changed the schema since it was prepared.
 */
public enum PrepareMode {
    /**
     * {@code sqlite3_prepare}, the legacy call (PHP's PDO SQLite used it up to PHP 7.1: php-src
     * commit 7b8b2e5, 2017-01-22, switched it to prepare_v2 for 7.2.0): the next step of the
     * statement fails with SQLITE_SCHEMA (17), and the caller must prepare it again.
     */
    LEGACY,
    /**
     * {@code sqlite3_prepare_v2}, what every modern driver uses: the step re-prepares the
     * statement itself, up to SQLITE_MAX_SCHEMA_RETRY times in a row, before it gives up with
     * SQLITE_SCHEMA.
     */
    V2
}
