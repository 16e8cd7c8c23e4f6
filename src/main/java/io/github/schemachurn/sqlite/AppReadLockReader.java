package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;

/** The cached statement, run while holding the read side of the application lock. */
final class AppReadLockReader implements Reader {
    private final CachedReader cached;
    private final Lock readLock;

    AppReadLockReader(Connection connection, String sql, ReadWriteLock appLock) {
        this.cached = new CachedReader(connection, sql, appLock);
        this.readLock = appLock.readLock();
    }

    @Override
    public String read(int id) throws SQLException {
        readLock.lock();
        try {
            return cached.read(id);
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void failed(ErrorClass error) {
        cached.failed(error);
    }

    @Override
    public void close() {
        cached.close();
    }
}
