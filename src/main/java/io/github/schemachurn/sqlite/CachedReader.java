package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReadWriteLock;

/** Reuses one prepared statement. */
final class CachedReader implements Reader {
    private final CachedStatement statement;

    CachedReader(Connection connection, String sql, ReadWriteLock appLock) {
        this.statement = new CachedStatement(connection, sql);
    }

    @Override
    public String read(int id) throws SQLException {
        return CachedStatement.queryById(statement.get(), id);
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
