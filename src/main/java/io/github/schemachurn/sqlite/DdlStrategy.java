package io.github.schemachurn.sqlite;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.Optional;

/**
 * How the churner wraps each DDL statement. BEGIN and COMMIT are sent as SQL with autocommit
 * on: sqlite-jdbc's {@code setTransactionMode} + {@code setAutoCommit(false)} would re-run BEGIN
 * right after every commit and so hold the write lock all the time.
 */
public enum DdlStrategy {
    /** The bare statement in autocommit mode: SQLite's implicit transaction. */
    AUTOCOMMIT(null, false),
    /** BEGIN DEFERRED: no lock until the DDL runs (SQLite's default transaction mode). */
    DEFERRED("BEGIN DEFERRED", false),
    /** BEGIN IMMEDIATE: takes the write lock at BEGIN. */
    IMMEDIATE("BEGIN IMMEDIATE", false),
    /** BEGIN EXCLUSIVE, the seed's fix: like IMMEDIATE in WAL; in rollback-journal mode it also shuts out readers. */
    EXCLUSIVE("BEGIN EXCLUSIVE", false),
    /** Autocommit DDL under the write side of an application read/write lock that readers share. */
    APP_LOCK(null, true);

    private final String begin;
    private final boolean inJvmLock;

    /**
     * @param begin     the statement that opens the one transaction all statements of a change share;
     *                  null: each statement is its own implicit transaction
     * @param inJvmLock whether it takes the write side of the application lock the readers share
     */
    DdlStrategy(String begin, boolean inJvmLock) {
        this.begin = begin;
        this.inJvmLock = inJvmLock;
    }

    /** The BEGIN statement of its explicit transaction, if it opens one. */
    public Optional<String> begin() {
        return Optional.ofNullable(begin);
    }

    public boolean opensTransaction() {
        return begin != null;
    }

    /** Whether it needs a lock shared with readers in the same JVM (so it cannot work from another process). */
    public boolean needsInJvmLock() {
        return inJvmLock;
    }

    /** @param appLock the application lock shared with the readers of the same database */
    public DdlRunner create(ReadWriteLock appLock) {
        DdlRunner runner = begin == null ? DdlRunner::each : new TransactionDdl(begin);
        return inJvmLock ? new AppLockDdl(appLock, runner) : runner;
    }
}
