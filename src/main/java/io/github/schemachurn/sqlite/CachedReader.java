package io.github.schemachurn.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Lock;

/**
 * Reuses one prepared statement: in autocommit, under the read side of an application lock, or
 * inside its own BEGIN … COMMIT. In WAL mode a read transaction pins one snapshot of the
 * database, schema included, for its whole length.
 *
 * <p>The column check: within the same transaction (so under the same schema) the same SQL is
 * prepared afresh, and the column names the reused statement returned must equal the fresh
 * statement's. A difference is a silent wrong result, reported as {@link StaleColumnsException}
 * ({@link ErrorClass#STALE_COLUMNS}). With {@code SELECT *} the column set follows the table;
 * with listed columns it cannot change, so that query is the control.
 */
final class CachedReader implements Reader {
    private final Connection connection;
    private final String sql;
    private final Binder binder;
    private final CachedStatement statement;
    /** Sends BEGIN and COMMIT when every read is its own transaction; null in autocommit. */
    private final Statement control;
    private final boolean checkColumns;
    /** Held around every read; null without an application lock. */
    private final Lock lock;

    private CachedReader(Connection connection, String sql, Binder binder, boolean transaction, boolean checkColumns, Lock lock) {
        this.connection = connection;
        this.sql = sql;
        this.binder = binder;
        this.statement = new CachedStatement(connection, sql);
        this.checkColumns = checkColumns;
        this.lock = lock;
        try {
            this.control = transaction ? connection.createStatement() : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a statement: " + e.getMessage(), e);
        }
    }

    static CachedReader autocommit(Connection connection, String sql, Binder binder) {
        return new CachedReader(connection, sql, binder, false, false, null);
    }

    static CachedReader underLock(Connection connection, String sql, Binder binder, Lock lock) {
        return new CachedReader(connection, sql, binder, false, false, lock);
    }

    static CachedReader inTransaction(Connection connection, String sql, Binder binder) {
        return new CachedReader(connection, sql, binder, true, false, null);
    }

    static CachedReader columnChecked(Connection connection, String sql, Binder binder) {
        return new CachedReader(connection, sql, binder, true, true, null);
    }

    @Override
    public String read(int id) throws SQLException {
        if (lock != null) {
            lock.lock();
        }
        try {
            if (control == null) {
                return query(id);
            }
            String[] value = new String[1];
            Transactions.inTransaction(control::execute, "BEGIN", () -> value[0] = query(id));
            return value[0];
        } finally {
            if (lock != null) {
                lock.unlock();
            }
        }
    }

    private String query(int id) throws SQLException {
        return checkColumns ? columnCheckedQuery(id) : CachedStatement.query(statement.get(), binder, id);
    }

    private String columnCheckedQuery(int id) throws SQLException {
        PreparedStatement reused = statement.get();
        binder.bind(reused, id);
        List<String> returned;
        String value;
        try (ResultSet rows = reused.executeQuery()) {
            returned = names(rows.getMetaData());
            value = rows.next() ? rows.getString(1) : null;
        }
        List<String> current;
        try (PreparedStatement fresh = connection.prepareStatement(sql)) {
            current = names(fresh.getMetaData());
        }
        if (!returned.equals(current)) {
            throw new StaleColumnsException(returned, current);
        }
        return value;
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
        if (control != null) {
            control.close();
        }
    }
}
