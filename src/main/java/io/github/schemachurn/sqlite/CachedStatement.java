package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A PreparedStatement kept for reuse, as a statement cache keeps it. After SCHEMA, SQLITE_ERROR
 * or an interrupt, sqlite-jdbc finalizes the native statement while {@code isClosed()} still
 * says false, and reusing it fails with "statement is not executing"; so this drops the
 * statement after such a failure and prepares it again on next use.
 */
public final class CachedStatement implements Operation.FailureListener, AutoCloseable {
    private final Connection connection;
    private final String sql;
    private PreparedStatement statement;

    public CachedStatement(Connection connection, String sql) {
        this.connection = connection;
        this.sql = sql;
    }

    /** The statement, prepared now if there is none. */
    public PreparedStatement get() throws SQLException {
        if (statement == null) {
            statement = connection.prepareStatement(sql);
        }
        return statement;
    }

    @Override
    public void failed(ErrorClass error) {
        if (error.killsStatement()) {
            closeQuietly();
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (statement != null) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // Already finalized by the driver; nothing else to release.
            }
            statement = null;
        }
    }

    /** Runs a point query by integer key and returns the first column of the row, or null. */
    public static String queryById(PreparedStatement statement, int id) throws SQLException {
        return query(statement, Binder.BY_ID, id);
    }

    /** Runs a query with its parameters bound by {@code binder} and returns the first column of its first row, or null. */
    public static String query(PreparedStatement statement, Binder binder, int id) throws SQLException {
        binder.bind(statement, id);
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
