package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.DdlRunner;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.SqlExecutor;
import io.github.schemachurn.sqlite.Tally;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Changes the schema: each step is one schema change of a {@link SchemaChange} workload, run
 * through a DDL locking strategy and a retry policy, over any {@link SqlExecutor} (a JDBC
 * statement, or a connection of another copy of SQLite). It moves its state on only when a
 * change was acknowledged, so an audit can check the schema against it at the end.
 */
public final class Churner implements AutoCloseable {
    private final SqlExecutor sql;
    private final SchemaChange change;
    private final DdlRunner ddl;
    private final Retrier retrier;
    private volatile long state;
    private volatile long acknowledged;
    private Statement owned;
    private Connection ownedConnection;

    /** A churner on a freshly seeded database. */
    public Churner(SqlExecutor sql, SchemaChange change, DdlRunner ddl, Retrier retrier) {
        this(sql, change, change.initial(), ddl, retrier);
    }

    /** A churner that resumes from {@code state}: a restarted churner process reads it from the file ({@link SchemaChange#stateOf}). */
    public Churner(SqlExecutor sql, SchemaChange change, long state, DdlRunner ddl, Retrier retrier) {
        this.sql = sql;
        this.change = change;
        this.state = state;
        this.ddl = ddl;
        this.retrier = retrier;
    }

    /**
     * A churner over a statement of its own on a JDBC connection, which {@link #close()} closes;
     * it resumes from {@code state}.
     */
    public static Churner jdbc(Connection connection, SchemaChange change, long state, DdlRunner ddl, Retrier retrier)
            throws SQLException {
        Statement statement = connection.createStatement();
        Churner churner = new Churner(statement::execute, change, state, ddl, retrier);
        churner.owned = statement;
        return churner;
    }

    /** A churner over a statement of its own on a JDBC connection to a freshly seeded database. */
    public static Churner jdbc(Connection connection, SchemaChange change, DdlRunner ddl, Retrier retrier)
            throws SQLException {
        return jdbc(connection, change, change.initial(), ddl, retrier);
    }

    /** A role's churner, over a statement of its own on a connection it owns: {@link #close()} closes both. */
    static Churner owning(Connection connection, SchemaChange change, DdlRunner ddl, Retrier retrier) throws SQLException {
        Churner churner = jdbc(connection, change, ddl, retrier);
        churner.ownedConnection = connection;
        return churner;
    }

    /** One schema change; true if it was committed. */
    public boolean step(Tally tally) {
        boolean committed = Operation.run(() -> ddl.run(sql, change.ddl(state)), Operation.FailureListener.NONE, retrier, tally);
        if (committed) {
            state = change.next(state);
            acknowledged++;
        }
        return committed;
    }

    public SchemaChange change() {
        return change;
    }

    /** The workload's state after every acknowledged change. */
    public long state() {
        return state;
    }

    /** How many schema changes were committed. */
    public long acknowledged() {
        return acknowledged;
    }

    /** Closes what it owns: the statement of a {@link #jdbc} churner, and an {@link #owning} churner's connection. */
    @Override
    public void close() throws SQLException {
        try {
            if (owned != null) {
                owned.close();
            }
        } finally {
            if (ownedConnection != null) {
                ownedConnection.close();
            }
        }
    }
}
