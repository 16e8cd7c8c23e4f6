package io.github.schemachurn.workload;

import io.github.schemachurn.sqlite.CachedStatement;
import io.github.schemachurn.sqlite.ErrorClass;
import io.github.schemachurn.sqlite.Operation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Inserts rows with ids from its own range through a cached prepared INSERT. A row's id moves
 * on only when its insert was acknowledged, so a retried insert reuses its id and the audit can
 * compare the acknowledged count with the rows found.
 */
public final class Writer implements Operation.FailureListener, AutoCloseable {
    private final CachedStatement insert;
    private long nextId;

    /** @param firstId the first id of this writer's range; ranges of writers must not overlap */
    public Writer(Connection connection, long firstId) {
        this.insert = new CachedStatement(connection, Workload.INSERT);
        this.nextId = firstId;
    }

    /** One try at inserting the next row. */
    public void insert() throws SQLException {
        PreparedStatement statement = insert.get();
        statement.setLong(1, nextId);
        statement.setString(2, "written-" + nextId);
        statement.executeUpdate();
        nextId++;
    }

    @Override
    public void failed(ErrorClass error) {
        insert.failed(error);
    }

    @Override
    public void close() {
        insert.close();
    }
}
