package io.github.schemachurn.sqlite;

import java.sql.SQLException;
import java.util.List;

/**
 * Runs one schema change, one or more DDL statements, the way a locking strategy prescribes.
 * Several statements (a migration) share the strategy's one transaction; under
 * {@link DdlStrategy#AUTOCOMMIT} each is its own implicit transaction.
 */
@FunctionalInterface
public interface DdlRunner {
    void run(SqlExecutor sql, List<String> ddl) throws SQLException;

    /** Runs each statement in order. */
    static void each(SqlExecutor sql, List<String> ddl) throws SQLException {
        for (String statement : ddl) {
            sql.execute(statement);
        }
    }
}
