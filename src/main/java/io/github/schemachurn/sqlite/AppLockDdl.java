package io.github.schemachurn.sqlite;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * A strategy's DDL under the write side of an application lock: while it runs, no reader that takes the
 * read side ({@link ReaderStrategy#APP_READ_LOCK}) is inside SQLite, so none can see a
 * half-finished schema change or be invalidated mid-statement.
 */
final class AppLockDdl implements DdlRunner {
    private final Lock writeLock;
    private final DdlRunner runner;

    AppLockDdl(ReadWriteLock appLock, DdlRunner runner) {
        this.writeLock = appLock.writeLock();
        this.runner = runner;
    }

    @Override
    public void run(SqlExecutor sql, List<String> ddl) throws SQLException {
        writeLock.lock();
        try {
            runner.run(sql, ddl);
        } finally {
            writeLock.unlock();
        }
    }
}
