package io.github.schemachurn.sqlite;

import java.sql.SQLException;

/**
 * Runs one SQL statement that returns no rows. A JDBC {@code Statement::execute} is one; a
 * connection of the raw C API (another copy of SQLite, through JNA) is another, so every DDL
 * strategy runs unchanged on either.
 */
@FunctionalInterface
public interface SqlExecutor {
    void execute(String sql) throws SQLException;
}
