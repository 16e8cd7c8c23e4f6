package io.github.schemachurn.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Sets a reader's query parameters before each execution: the suite's point query takes the row's
 * id; a user's own query ({@code diagnose}) takes its fixed arguments and ignores the id.
 */
@FunctionalInterface
public interface Binder {
    /** The suite's point query: its one parameter is the row's id. */
    Binder BY_ID = (statement, id) -> statement.setInt(1, id);

    void bind(PreparedStatement statement, int id) throws SQLException;
}
