package io.github.schemachurn.sqlite;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.function.Function;

/**
 * How the churner wraps each DDL statement. BEGIN and COMMIT are sent as SQL with autocommit
 * on: sqlite-jdbc's {@code setTransactionMode} + {@code setAutoCommit(false)} would re-run BEGIN
 * right after every commit and so hold the write lock all the time.
 */
public enum DdlStrategy {
    /** The bare statement in autocommit mode: SQLite's implicit transaction. */
    AUTOCOMMIT(appLock -> DdlRunner::each),
    /** BEGIN DEFERRED: no lock until the DDL runs (SQLite's default transaction mode). */
    DEFERRED(appLock -> new TransactionDdl("BEGIN DEFERRED")),
    /** BEGIN IMMEDIATE: takes the write lock at BEGIN. */
    IMMEDIATE(appLock -> new TransactionDdl("BEGIN IMMEDIATE")),
    /** BEGIN EXCLUSIVE, the seed's fix: like IMMEDIATE in WAL; in rollback-journal mode it also shuts out readers. */
    EXCLUSIVE(appLock -> new TransactionDdl("BEGIN EXCLUSIVE")),
    /** Autocommit DDL under the write side of an application read/write lock that readers share. */
    APP_LOCK(AppLockDdl::new);

    private final Function<ReadWriteLock, DdlRunner> factory;

    DdlStrategy(Function<ReadWriteLock, DdlRunner> factory) {
        this.factory = factory;
    }

    /** @param appLock the application lock shared with the readers of the same database */
    public DdlRunner create(ReadWriteLock appLock) {
        return factory.apply(appLock);
    }
}
