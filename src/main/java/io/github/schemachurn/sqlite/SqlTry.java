package io.github.schemachurn.sqlite;

import java.sql.SQLException;

/** One try at a piece of SQL work. */
@FunctionalInterface
public interface SqlTry {
    void run() throws SQLException;
}
