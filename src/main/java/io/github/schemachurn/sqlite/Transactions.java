package io.github.schemachurn.sqlite;

import java.sql.SQLException;

/** Explicit transactions sent as SQL, with autocommit left on (see DdlStrategy for why). */
final class Transactions {
    private Transactions() {}

    /** Runs {@code work} between {@code begin} and COMMIT; on failure rolls back and rethrows. */
    static void inTransaction(SqlExecutor sql, String begin, SqlTry work) throws SQLException {
        sql.execute(begin);
        try {
            work.run();
            sql.execute("COMMIT");
        } catch (SQLException e) {
            rollbackAfter(sql, e);
            throw e;
        }
    }

    /**
     * Rolls back after {@code cause}. SQLite may already have rolled back by itself (it does on
     * some errors), so "no transaction is active" is expected; any other rollback failure is
     * attached to the cause rather than hiding it.
     */
    static void rollbackAfter(SqlExecutor sql, SQLException cause) {
        try {
            sql.execute("ROLLBACK");
        } catch (SQLException e) {
            String message = e.getMessage();
            if (message == null || !message.contains("no transaction is active")) {
                cause.addSuppressed(e);
            }
        }
    }
}
