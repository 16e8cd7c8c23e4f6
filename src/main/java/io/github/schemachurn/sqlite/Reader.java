package io.github.schemachurn.sqlite;

import java.sql.SQLException;

/**
 * One thread's way of running the workload's point query. It is told of each failed try (as
 * a {@link Operation.FailureListener}) so it can drop a statement the driver has finalized.
 */
public interface Reader extends Operation.FailureListener, AutoCloseable {
    /** One try: runs the point query for {@code id}; returns the row's first column, or null if there is no row. */
    String read(int id) throws SQLException;

    @Override
    void close() throws SQLException;
}
