package io.github.schemachurn.sqlite;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * DDL under the write side of an application lock: while it runs, no reader that takes the
 * read side ({@link ReaderStrategy#APP_READ_LOCK}) is inside SQLite, so none can see a
 * half-finished schema change or be invalidated mid-statement.
 */
final class AppLockDdl implements DdlRunner {
    private final Lock writeLock;

    AppLockDdl(ReadWriteLock appLock) {
        this.writeLock = appLock.writeLock();
    }

    @Override
    public void run(SqlExecutor sql, List<String> ddl) throws SQLException {
        writeLock.lock();
        try {
            DdlRunner.each(sql, ddl);
        } finally {
            writeLock.unlock();
        }
    }
}
