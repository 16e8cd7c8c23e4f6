package io.github.schemachurn.sqlite;

import java.sql.SQLException;
import java.sql.Statement;

/** Runs one DDL statement the way a locking strategy prescribes. */
@FunctionalInterface
public interface DdlRunner {
    void run(Statement statement, String ddl) throws SQLException;
}
