package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReadWriteLock;

/** Prepares the query afresh on every call, so every call compiles against the current schema. */
final class PreparePerCallReader implements Reader {
    private final Connection connection;
    private final String sql;
    private final Binder binder;

    PreparePerCallReader(Connection connection, String sql, Binder binder, ReadWriteLock appLock) {
        this.connection = connection;
        this.sql = sql;
        this.binder = binder;
    }

    @Override
    public String read(int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return CachedStatement.query(statement, binder, id);
        }
    }

    @Override
    public void failed(ErrorClass error) {}

    @Override
    public void close() {}
}
