package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;

/**
 * The cached statement inside a read transaction, its result checked: within the same
 * transaction (so under the same schema) the same SQL is prepared afresh, and the column names
 * the reused statement returned must equal the fresh statement's. A difference is a silent wrong
 * result, reported as {@link StaleColumnsException} ({@link ErrorClass#STALE_COLUMNS}). With
 * {@code SELECT *} the column set follows the table; with listed columns it cannot change, so
 * that query is the control.
 */
final class ColumnCheckReader implements Reader {
    private final Connection connection;
    private final String sql;
    private final CachedStatement statement;
    private final Statement control;

    ColumnCheckReader(Connection connection, String sql, ReadWriteLock appLock) {
        this.connection = connection;
        this.sql = sql;
        this.statement = new CachedStatement(connection, sql);
        try {
            this.control = connection.createStatement();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a statement: " + e.getMessage(), e);
        }
    }

    @Override
    public String read(int id) throws SQLException {
        String[] value = new String[1];
        List<List<String>> columns = new ArrayList<>();
        Transactions.inTransaction(control::execute, "BEGIN", () -> {
            PreparedStatement reused = statement.get();
            reused.setInt(1, id);
            try (ResultSet rows = reused.executeQuery()) {
                columns.add(names(rows.getMetaData()));
                value[0] = rows.next() ? rows.getString(1) : null;
            }
            try (PreparedStatement fresh = connection.prepareStatement(sql)) {
                columns.add(names(fresh.getMetaData()));
            }
        });
        if (!columns.get(0).equals(columns.get(1))) {
            throw new StaleColumnsException(columns.get(0), columns.get(1));
        }
        return value[0];
    }

    private static List<String> names(ResultSetMetaData meta) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            names.add(meta.getColumnName(i));
        }
        return names;
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
