package io.github.schemachurn.bench;

import io.github.schemachurn.sqlite.Binder;
import io.github.schemachurn.sqlite.CachedStatement;
import io.github.schemachurn.sqlite.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The calls {@link SchemaReloadBenchmark} times, on any database and query: a measured connection
 * with its cached statement, and a second connection that commits one schema change on demand, so
 * the measured connection's schema is stale at its next call.
 */
final class ReloadProbe implements AutoCloseable {
    private final Connection reader;
    private final String sql;
    private final Binder binder;
    private final int rows;
    private final PreparedStatement cached;
    private final Connection changer;
    private final Statement ddl;
    private boolean bumpExists;
    private int nextId;

    /** @param rows ids 1..rows are bound in turn (for a query that takes an id) */
    ReloadProbe(Database database, String sql, Binder binder, int rows) throws SQLException {
        this.sql = sql;
        this.binder = binder;
        this.rows = rows;
        reader = database.connect();
        cached = reader.prepareStatement(sql);
        changer = database.connect();
        ddl = changer.createStatement();
    }

    private int nextId() {
        nextId = nextId % rows + 1;
        return nextId;
    }

    /** Commits one schema change on the other connection. */
    void changeSchema() throws SQLException {
        ddl.execute(bumpExists ? "DROP TABLE schemachurn_bump" : "CREATE TABLE schemachurn_bump(id INTEGER PRIMARY KEY)");
        bumpExists = !bumpExists;
    }

    /** The cached statement executed again: sqlite3_step re-prepares it if the schema changed. */
    String runCached() throws SQLException {
        return CachedStatement.query(cached, binder, nextId());
    }

    /** Prepare, execute, close. */
    String prepareAndRun() throws SQLException {
        try (PreparedStatement statement = reader.prepareStatement(sql)) {
            return CachedStatement.query(statement, binder, nextId());
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            cached.close();
            ddl.close();
        } finally {
            reader.close();
            changer.close();
        }
    }
}
