package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/** Runs the cached statement while holding the read side of the application lock. */
final class AppReadLockReader implements Reader {
    private final CachedStatement statement;
    private final Lock readLock;

    AppReadLockReader(Connection connection, String sql, ReadWriteLock appLock) {
        this.statement = new CachedStatement(connection, sql);
        this.readLock = appLock.readLock();
    }

    @Override
    public String read(int id) throws SQLException {
        readLock.lock();
        try {
            return CachedStatement.queryById(statement.get(), id);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void failed(ErrorClass error) {
        statement.failed(error);
    }

    @Override
    public void close() {
        statement.close();
    }
}
