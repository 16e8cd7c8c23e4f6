package io.github.schemachurn.sqlite;

/** The two journal modes whose locking differs under concurrent DDL. */
public enum JournalMode {
    /** Write-ahead log: readers are never blocked by a writer, and DDL commits while others read. */
    WAL,
    /** Rollback journal (SQLite's default): a commit needs EXCLUSIVE, which waits for every reader. */
    DELETE
}
