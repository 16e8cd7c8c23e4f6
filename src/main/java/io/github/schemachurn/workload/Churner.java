package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.DdlRunner;
import io.github.schemachurn.sqlite.Operation;
import io.github.schemachurn.sqlite.Retrier;
import io.github.schemachurn.sqlite.Tally;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Changes the schema: each step is one DDL statement, alternately creating and dropping the
 * target table, run through a locking strategy and a retry policy. It remembers which DDL was
 * acknowledged, so an audit can check the schema agrees at the end.
 */
public final class Churner implements AutoCloseable {
    private final Statement statement;
    private final String table;
    private final DdlRunner ddl;
    private final Retrier retrier;
    private volatile boolean tableExists;
    private long acknowledged;

    public Churner(Connection connection, ChurnTarget target, DdlRunner ddl, Retrier retrier) throws SQLException {
        this(connection, target, target.existsAtStart, ddl, retrier);
    }

    /** A churner that finds the table as {@code tableExists} says (a restarted churner process reads it from the file). */
    public Churner(Connection connection, ChurnTarget target, boolean tableExists, DdlRunner ddl, Retrier retrier)
            throws SQLException {
        this.statement = connection.createStatement();
        this.table = target.table;
        this.tableExists = tableExists;
        this.ddl = ddl;
        this.retrier = retrier;
    }

    /** One schema change; true if it was committed. */
    public boolean step(Tally tally) {
        String sql = tableExists ? "DROP TABLE " + table : Workload.createTable(table);
        boolean committed = Operation.run(() -> ddl.run(statement::execute, List.of(sql)), Operation.FailureListener.NONE, retrier, tally);
        if (committed) {
            tableExists = !tableExists;
            acknowledged++;
        }
        return committed;
    }

    public String table() {
        return table;
    }

    /** Whether the table exists after every acknowledged DDL. */
    public boolean tableExists() {
        return tableExists;
    }

    /** How many schema changes were committed. */
    public long acknowledged() {
        return acknowledged;
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
