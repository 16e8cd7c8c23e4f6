package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * Runs the cached statement inside BEGIN … COMMIT. In WAL mode the read transaction pins one
 * snapshot of the database, schema included, for its whole length.
 */
final class ReadTransactionReader implements Reader {
    private final CachedStatement statement;
    private final Statement control;

    ReadTransactionReader(Connection connection, String sql, ReadWriteLock appLock) {
        this.statement = new CachedStatement(connection, sql);
        try {
            this.control = connection.createStatement();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a statement: " + e.getMessage(), e);
        }
    }

    @Override
    public String read(int id) throws SQLException {
        String[] result = new String[1];
        Transactions.inTransaction(control::execute, "BEGIN", () -> result[0] = CachedStatement.queryById(statement.get(), id));
        return result[0];
    }

    @Override
    public void failed(ErrorClass error) {
        statement.failed(error);
    }

    @Override
    public void close() throws SQLException {
        statement.close();
        control.close();
    }
}
